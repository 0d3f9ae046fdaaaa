package io.wafleet.infra;

import io.wafleet.infra.backing.BackingServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every service's readiness follows its backing services: when the MongoDB-wire server stops, each
 * one's {@code /actuator/health/readiness} turns 503 with {@code mongo} down, and 200 again once a new
 * server is bound on the same port; the same for the Kafka broker, stopped and started again on the
 * same ports and data. Liveness answers 200 throughout, so an orchestrator restarts nothing.
 */
class ReadinessIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static BackingServices backing;
    private static Fleet fleet;

    @BeforeAll
    static void start() throws Exception {
        backing = BackingServices.start(Files.createTempDirectory("wafleet-readiness"), BackingServices.Ports.free());
        fleet = Fleet.start(backing.kafkaBootstrapServers(), backing.mongoUri(),
                Files.createTempDirectory("wafleet-readiness-keys"), 0);
    }

    @AfterAll
    static void stop() {
        if (fleet != null) {
            fleet.close();
        }
        if (backing != null) {
            backing.close();
        }
    }

    @Test
    void readinessFollowsMongoAndKafkaWhileLivenessStaysUp() throws Exception {
        Map<String, Integer> ports = fleet.ports();
        assertThat(ports).containsOnlyKeys("api-gateway", "webhook-worker", "session-worker");
        awaitAllReady(ports);
        assertThat(readiness(ports.get("session-worker")).body().path("components").path("sessions").path("status")
                .asString()).isEqualTo("UP");

        backing.stopMongo();
        awaitAllNotReadyBecauseOf("mongo", ports);
        backing.startMongo();
        awaitAllReady(ports);

        backing.stopKafka();
        awaitAllNotReadyBecauseOf("kafka", ports);
        backing.startKafka();
        awaitAllReady(ports);
    }

    private static void awaitAllReady(Map<String, Integer> ports) {
        ports.forEach((service, port) -> await(service + " ready").atMost(WAIT).untilAsserted(() -> {
            Answer readiness = readiness(port);
            assertThat(readiness.status()).as("%s readiness: %s", service, readiness.body()).isEqualTo(200);
            assertThat(liveness(port)).as("%s liveness", service).isEqualTo(200);
        }));
    }

    private static void awaitAllNotReadyBecauseOf(String component, Map<String, Integer> ports) {
        ports.forEach((service, port) -> await(service + " not ready without " + component).atMost(WAIT).untilAsserted(() -> {
            Answer readiness = readiness(port);
            assertThat(readiness.status()).as("%s readiness: %s", service, readiness.body()).isEqualTo(503);
            assertThat(readiness.body().path("components").path(component).path("status").asString()).isEqualTo("DOWN");
        }));
        ports.forEach((service, port) -> assertThat(liveness(port)).as("%s liveness", service).isEqualTo(200));
    }

    private record Answer(int status, JsonNode body) {
    }

    private static Answer readiness(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = get(port, "/actuator/health/readiness");
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    private static int liveness(int port) {
        try {
            return get(port, "/actuator/health/liveness").statusCode();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("liveness did not answer", e);
        }
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
