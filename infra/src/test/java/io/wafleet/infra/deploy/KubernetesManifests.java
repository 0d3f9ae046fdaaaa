package io.wafleet.infra.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** The manifests under infra/k8s, each document read into the fabric8 Kubernetes model by its kind. */
final class KubernetesManifests {

    static final String KUSTOMIZATION = "kustomization.yaml";

    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "Namespace", Namespace.class, "ConfigMap", ConfigMap.class, "Secret", Secret.class,
            "Service", Service.class, "Deployment", Deployment.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A manifest document as written and as the model read it. */
    record Manifest(Path file, Map<String, Object> source, HasMetadata resource) {

        String describe() {
            return file.getFileName() + " " + resource.getKind() + "/" + resource.getMetadata().getName();
        }
    }

    private KubernetesManifests() {
    }

    /** Every *.yaml file but the kustomization, in name order. */
    static List<Path> files() {
        try (Stream<Path> files = Files.list(DeployFiles.K8S)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".yaml"))
                    .filter(file -> !file.getFileName().toString().equals(KUSTOMIZATION))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Manifest> all() {
        List<Manifest> manifests = new ArrayList<>();
        for (Path file : files()) {
            for (Map<String, Object> document : DeployFiles.yamlDocuments(file)) {
                manifests.add(new Manifest(file, document, read(document)));
            }
        }
        return manifests;
    }

    /** Reads one document into the model class of its kind; fails on a kind these manifests do not use. */
    static HasMetadata read(Map<String, Object> document) {
        Class<? extends HasMetadata> type = KINDS.get(String.valueOf(document.get("kind")));
        if (type == null) {
            throw new IllegalArgumentException("unexpected kind " + document.get("kind") + " (known: " + KINDS.keySet() + ")");
        }
        return MAPPER.convertValue(document, type);
    }

    static <T extends HasMetadata> List<T> ofType(List<Manifest> manifests, Class<T> type) {
        return manifests.stream().map(Manifest::resource).filter(type::isInstance).map(type::cast).toList();
    }

    static Class<? extends HasMetadata> typeOf(String kind) {
        return KINDS.get(kind);
    }
}
