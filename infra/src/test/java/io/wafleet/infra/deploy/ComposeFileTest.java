package io.wafleet.infra.deploy;

import static io.wafleet.infra.deploy.DeployFiles.list;
import static io.wafleet.infra.deploy.DeployFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml, read as YAML (anchors and merge keys resolved) and held to wafleet's rules. No
 * Docker engine here: this is a structural check of our own rules, not the Compose specification's schema.
 */
class ComposeFileTest {

    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("^\\$\\{([A-Z_]+):\\?.+}$");

    private final Map<String, Object> compose = DeployFiles.yaml(DeployFiles.COMPOSE);
    private final Map<String, Object> services = map(compose.get("services"));

    @Test
    void everyServiceHasAnImageOrABuild() {
        services.forEach((name, service) ->
                assertThat(map(service).keySet()).as(name).containsAnyOf("image", "build"));
    }

    @Test
    void theWafleetServicesAreBuiltFromTheRepositoryDockerfile() {
        for (WafleetService service : WafleetService.ALL) {
            Map<String, Object> build = map(map(services.get(service.name())).get("build"));
            assertThat(build.get("context")).as(service.name()).isEqualTo(".");
            assertThat(map(build.get("args")).get("SERVICE")).as(service.name()).isEqualTo(service.name());
        }
        assertThat(DeployFiles.DOCKERFILE).exists();
    }

    @Test
    void workersScaleNoContainerNameNorHostPort() {
        services.forEach((name, service) -> assertThat(map(service)).as(name).doesNotContainKey("container_name"));
        for (String worker : Set.of("session-worker", "webhook-worker")) {
            assertThat(map(services.get(worker))).as(worker).doesNotContainKeys("ports", "network_mode", "hostname");
        }
    }

    @Test
    void theGatewayIsPublishedOnItsPort() {
        assertThat(list(map(services.get("api-gateway")).get("ports")))
                .singleElement().asString().endsWith(":3000");
    }

    @Test
    void everyServiceGetsTheEnvironmentItsProductionConfigurationNeeds() {
        for (WafleetService service : WafleetService.ALL) {
            Map<String, Object> environment = environment(service.name());
            assertThat(service.missingFrom(environment.keySet()))
                    .as(service.name() + ": set them in docker-compose.yml or list them in WafleetService.OPTIONAL").isEmpty();
            assertThat(environment.get("SPRING_PROFILES_ACTIVE")).as(service.name()).isEqualTo("production");
            assertThat(environment.get("PORT")).as(service.name()).hasToString(String.valueOf(service.port()));
        }
    }

    @Test
    void keysComeFromTheEnvironmentAsRequiredVariablesNeverFromTheFile() {
        Set<String> required = new TreeSet<>();
        for (WafleetService service : WafleetService.ALL) {
            environment(service.name()).forEach((variable, value) -> {
                if (variable.contains("KEY") || variable.contains("SECRET")) {
                    assertThat(String.valueOf(value)).as(service.name() + " " + variable).startsWith("${").endsWith("}");
                }
            });
            for (String key : Set.of("WAFLEET_MASTER_KEY", "WAFLEET_ADMIN_KEY")) {
                if (service.required().contains(key)) {
                    Matcher matcher = REQUIRED_VARIABLE.matcher(String.valueOf(environment(service.name()).get(key)));
                    assertThat(matcher.matches()).as(service.name() + " " + key + " is ${" + key + ":?...}").isTrue();
                    required.add(matcher.group(1));
                }
            }
        }
        String example = DeployFiles.read(DeployFiles.ROOT.resolve(".env.example"));
        required.forEach(variable -> assertThat(example).containsPattern("(?m)^" + variable + "=$"));
    }

    @Test
    void everyServiceGetsTheSameTopicSettings() {
        Set<String> partitions = new TreeSet<>();
        Set<String> replication = new TreeSet<>();
        for (WafleetService service : WafleetService.ALL) {
            partitions.add(String.valueOf(environment(service.name()).get("WAFLEET_KAFKA_PARTITIONS")));
            replication.add(String.valueOf(environment(service.name()).get("WAFLEET_KAFKA_REPLICATION")));
        }
        assertThat(partitions).hasSize(1);
        assertThat(replication).containsExactly("1");
    }

    @Test
    void theServicesWaitForAHealthyKafkaAndMongo() {
        for (WafleetService service : WafleetService.ALL) {
            Map<String, Object> dependsOn = map(map(services.get(service.name())).get("depends_on"));
            assertThat(dependsOn).as(service.name()).containsOnlyKeys("kafka", "mongo");
            dependsOn.forEach((dependency, condition) -> {
                assertThat(map(condition).get("condition")).isEqualTo("service_healthy");
                assertThat(map(services.get(dependency))).as(dependency).containsKey("healthcheck");
            });
        }
    }

    @Test
    void theServicesReachKafkaAndMongoWhereTheyListen() {
        Map<String, Object> kafka = map(map(services.get("kafka")).get("environment"));
        Map<String, Object> mongo = map(services.get("mongo"));
        for (WafleetService service : WafleetService.ALL) {
            Map<String, Object> environment = environment(service.name());
            assertThat(String.valueOf(kafka.get("KAFKA_ADVERTISED_LISTENERS")))
                    .contains("//" + environment.get("KAFKA_BOOTSTRAP_SERVERS"));
            URI mongoUri = URI.create(String.valueOf(environment.get("MONGODB_URI")));
            assertThat(mongoUri.getHost()).isEqualTo("mongo");
            String replicaSet = String.valueOf(list(mongo.get("command")).get(list(mongo.get("command")).indexOf("--replSet") + 1));
            assertThat(mongoUri.getQuery()).isEqualTo("replicaSet=" + replicaSet);
        }
        assertThat(String.valueOf(kafka.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"))).isEqualTo("false");
        assertThat(map(mongo.get("healthcheck")).get("test").toString()).contains("rs.initiate");
    }

    @Test
    void theWebhookReceiverIsReachable() {
        Map<String, Object> receiver = map(services.get("webhook-receiver"));
        for (Object volume : list(receiver.get("volumes"))) {
            assertThat(DeployFiles.ROOT.resolve(volume.toString().split(":")[0])).exists();
        }
        for (String service : Set.of("api-gateway", "webhook-worker")) {
            assertThat(environment(service).get("WAFLEET_WEBHOOK_ALLOW_PRIVATE_ADDRESSES")).hasToString("true");
        }
        assertThat(list(receiver.get("volumes"))).isNotEmpty();
    }

    private Map<String, Object> environment(String service) {
        return map(map(services.get(service)).get("environment"));
    }
}
