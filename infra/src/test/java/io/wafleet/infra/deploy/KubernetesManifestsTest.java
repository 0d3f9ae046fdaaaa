package io.wafleet.infra.deploy;

import static io.wafleet.infra.deploy.DeployFiles.list;
import static io.wafleet.infra.deploy.DeployFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.wafleet.infra.deploy.KubernetesManifests.Manifest;

/**
 * The manifests under infra/k8s, read into the typed Kubernetes model (fabric8): every field known, every
 * apiVersion the one of its kind, and wafleet's rules for running the services. No cluster here: a
 * {@code kubectl apply --dry-run=server} was not run.
 */
class KubernetesManifestsTest {

    private final List<Manifest> manifests = KubernetesManifests.all();

    @Test
    void everyManifestIsAKnownKindWithNoUnknownField() {
        assertThat(manifests).extracting(manifest -> manifest.resource().getKind())
                .containsExactlyInAnyOrder("Deployment", "Service", "ConfigMap", "Namespace", "Secret",
                        "Deployment", "Deployment");
        for (Manifest manifest : manifests) {
            assertThat(StrictModel.unknownFields(manifest.resource())).as(manifest.describe()).isEmpty();
            assertThat(manifest.resource().getApiVersion()).as(manifest.describe())
                    .isEqualTo(HasMetadata.getApiVersion(manifest.resource().getClass()));
        }
    }

    @Test
    void aMisspeltFieldIsCaught() {
        Map<String, Object> source = new HashMap<>(deploymentSource("api-gateway"));
        Map<String, Object> spec = new HashMap<>(map(source.get("spec")));
        spec.put("replicaz", 2);
        source.put("spec", spec);
        assertThat(StrictModel.unknownFields(KubernetesManifests.read(source))).containsExactly(".spec.replicaz");
    }

    @Test
    void eachServiceRunsAsNonRootWithAReadOnlyRoot() {
        for (WafleetService service : WafleetService.ALL) {
            PodSpec pod = deployment(service.name()).getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(service.name()).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as(service.name()).isPositive();
            Container container = pod.getContainers().getFirst();
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
            assertThat(container.getVolumeMounts()).anyMatch(mount -> mount.getMountPath().equals("/tmp"));
        }
    }

    @Test
    void probesAskTheActuatorOnTheServicePort() {
        for (WafleetService service : WafleetService.ALL) {
            Container container = container(service.name());
            assertThat(container.getPorts()).singleElement().satisfies(port -> {
                assertThat(port.getName()).isEqualTo("http");
                assertThat(port.getContainerPort()).isEqualTo(service.port());
            });
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
            assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
            for (var probe : List.of(container.getLivenessProbe(), container.getReadinessProbe(), container.getStartupProbe())) {
                assertThat(probe.getHttpGet().getPort().getStrVal()).as(service.name()).isEqualTo("http");
            }
            assertThat(container.getEnv()).as(service.name())
                    .contains(new EnvVar("PORT", String.valueOf(service.port()), null));
        }
    }

    @Test
    void eachServiceRequestsCpuAndMemoryAndIsBoundInMemory() {
        for (WafleetService service : WafleetService.ALL) {
            var resources = container(service.name()).getResources();
            assertThat(resources.getRequests()).as(service.name()).containsKeys("cpu", "memory");
            assertThat(resources.getLimits()).as(service.name()).containsKey("memory");
        }
    }

    @Test
    void everyServiceGetsTheEnvironmentItsProductionConfigurationNeeds() {
        Map<String, ConfigMap> configMaps = new HashMap<>();
        KubernetesManifests.ofType(manifests, ConfigMap.class).forEach(map -> configMaps.put(map.getMetadata().getName(), map));
        for (WafleetService service : WafleetService.ALL) {
            Container container = container(service.name());
            Set<String> provided = new TreeSet<>();
            container.getEnv().forEach(variable -> provided.add(variable.getName()));
            for (EnvFromSource source : container.getEnvFrom()) {
                String name = source.getConfigMapRef().getName();
                assertThat(configMaps).as(service.name() + " envFrom").containsKey(name);
                provided.addAll(configMaps.get(name).getData().keySet());
                assertThat(configMaps.get(name).getData()).containsEntry("SPRING_PROFILES_ACTIVE", "production");
            }
            assertThat(service.missingFrom(provided))
                    .as(service.name() + ": set them in infra/k8s or list them in WafleetService.OPTIONAL").isEmpty();
        }
    }

    @Test
    void everySecretReferenceNamesAKeyOfTheSecretTemplate() {
        Secret secret = KubernetesManifests.ofType(manifests, Secret.class).getFirst();
        for (WafleetService service : WafleetService.ALL) {
            for (EnvVar variable : container(service.name()).getEnv()) {
                if (variable.getValueFrom() != null) {
                    var reference = variable.getValueFrom().getSecretKeyRef();
                    assertThat(reference.getName()).as(variable.getName()).isEqualTo(secret.getMetadata().getName());
                    assertThat(secret.getStringData()).as(variable.getName()).containsKey(reference.getKey());
                    assertThat(reference.getKey()).isEqualTo(variable.getName());
                }
            }
        }
    }

    @Test
    void theSecretTemplateHoldsOnlyPlaceholdersThatNoServiceStartsWith() {
        Secret secret = KubernetesManifests.ofType(manifests, Secret.class).getFirst();
        assertThat(secret.getData()).isNullOrEmpty();
        assertThat(secret.getStringData().values()).allMatch(value -> value.equals("REPLACE_ME") || value.isEmpty());
        // the gateway refuses an admin key under 32 characters; every service a master key that is not 32 bytes
        assertThat(secret.getStringData().get("WAFLEET_ADMIN_KEY")).hasSizeLessThan(32);
        String masterKey = secret.getStringData().get("WAFLEET_MASTER_KEY");
        assertThat(decodesTo32Bytes(masterKey)).as("WAFLEET_MASTER_KEY placeholder").isFalse();
    }

    @Test
    void theGatewayServiceReachesTheGatewayPods() {
        Service service = KubernetesManifests.ofType(manifests, Service.class).getFirst();
        Deployment gateway = deployment("api-gateway");
        assertThat(gateway.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(service.getSpec().getSelector());
        assertThat(service.getSpec().getPorts()).singleElement()
                .satisfies(port -> assertThat(port.getTargetPort().getStrVal()).isEqualTo("http"));
        for (Deployment deployment : KubernetesManifests.ofType(manifests, Deployment.class)) {
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                    .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
        }
    }

    @Test
    void theKustomizationAppliesEverythingButTheSecretTemplate() {
        Map<String, Object> kustomization = DeployFiles.yaml(DeployFiles.K8S.resolve(KubernetesManifests.KUSTOMIZATION));
        Set<String> files = new TreeSet<>();
        KubernetesManifests.files().forEach(file -> files.add(file.getFileName().toString()));
        files.remove("secret.example.yaml");
        assertThat(list(kustomization.get("resources"))).containsExactlyInAnyOrderElementsOf(files);
        String namespace = KubernetesManifests.ofType(manifests, Namespace.class)
                .getFirst().getMetadata().getName();
        assertThat(kustomization.get("namespace")).isEqualTo(namespace);
        Set<String> images = new TreeSet<>();
        KubernetesManifests.ofType(manifests, Deployment.class).forEach(deployment ->
                images.add(deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage().split(":")[0]));
        assertThat(list(kustomization.get("images"))).extracting(image -> map(image).get("name"))
                .containsExactlyInAnyOrderElementsOf(images);
    }

    private Deployment deployment(String name) {
        return KubernetesManifests.ofType(manifests, Deployment.class).stream()
                .filter(deployment -> deployment.getMetadata().getName().equals(name)).findFirst().orElseThrow();
    }

    private Container container(String name) {
        return deployment(name).getSpec().getTemplate().getSpec().getContainers().getFirst();
    }

    private Map<String, Object> deploymentSource(String name) {
        return manifests.stream().filter(manifest -> manifest.resource() instanceof Deployment)
                .filter(manifest -> manifest.resource().getMetadata().getName().equals(name))
                .findFirst().orElseThrow().source();
    }

    private static boolean decodesTo32Bytes(String value) {
        try {
            return Base64.getDecoder().decode(value).length == 32;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
