package io.wafleet.webhook;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.ContainerTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * What the worker ITs share: one worker context (cached by Spring across the IT classes, with its
 * KRaft broker), one MongoDB-wire server and one global webhook receiver for the whole run, and
 * webhook receivers on 127.0.0.1. Backoffs are shortened to a few hundred milliseconds; circuit
 * breakers need many calls to open, so only the test that forces one open meets one. Every test uses
 * accounts of its own, so the tests do not depend on each other's order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + WebhookWorkerApplication.CONFIG_NAME,
        "wafleet.kafka.partitions=" + WebhookWorkerITSupport.PARTITIONS,
        "wafleet.kafka.events-concurrency=1",
        "wafleet.kafka.retries-concurrency=1",
        "wafleet.delivery.initial-backoff=100ms",
        "wafleet.delivery.max-backoff=400ms",
        "wafleet.delivery.max-attempts=4",
        "wafleet.delivery.first-attempt-timeout=" + WebhookWorkerITSupport.FIRST_ATTEMPT_TIMEOUT,
        "wafleet.delivery.retry-attempt-timeout=5s",
        "resilience4j.circuitbreaker.configs.webhook-endpoint.minimum-number-of-calls=1000",
        "resilience4j.circuitbreaker.configs.webhook-endpoint.wait-duration-in-open-state=300ms",
        // Long enough that only an AccountConfigChanged can make the worker see a new URL in time.
        "wafleet.endpoints.cache-ttl=10m",
        "wafleet.webhook.global-secret=global-secret",
        "wafleet.credentials.master-key=" + WebhookWorkerITSupport.MASTER_KEY,
        "wafleet.credentials.previous-keys=" + WebhookWorkerITSupport.PREVIOUS_KEY,
})
@EmbeddedKafka(partitions = WebhookWorkerITSupport.PARTITIONS, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
abstract class WebhookWorkerITSupport {

    static final int PARTITIONS = 4;
    /** The fleet's current master key in these tests (base64 of 32 bytes), and an earlier one still configured. */
    static final String MASTER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    static final String PREVIOUS_KEY = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";
    static final String FIRST_ATTEMPT_TIMEOUT = "5s";
    static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Shared by every IT class of the run, like the cached context that points at them; gone with the JVM. */
    static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    static final InetSocketAddress MONGO_ADDRESS = MONGO.bind();
    static final Receiver GLOBAL = globalReceiver();

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    MeterRegistry meters;

    Fixture fleet;

    @DynamicPropertySource
    static void backingServices(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + MONGO_ADDRESS.getPort() + "/wafleet");
        registry.add("wafleet.webhook.global-url", GLOBAL::url);
    }

    @BeforeEach
    void connect() {
        fleet = new Fixture(broker.getBrokersAsString(), mongo);
        ContainerTestUtils.waitForAssignment(listeners.getListenerContainer("wafleet-webhook-events"), PARTITIONS);
        ContainerTestUtils.waitForAssignment(listeners.getListenerContainer("wafleet-webhook-retries"), 3 * PARTITIONS);
        ContainerTestUtils.waitForAssignment(listeners.getListenerContainer("wafleet-webhook-config"), PARTITIONS);
    }

    @AfterEach
    void disconnect() {
        fleet.close();
    }

    private static Receiver globalReceiver() {
        try {
            return Receiver.ok();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
