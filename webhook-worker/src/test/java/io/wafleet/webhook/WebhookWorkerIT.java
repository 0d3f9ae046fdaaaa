package io.wafleet.webhook;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.MeterRegistry;
import io.wafleet.common.event.Event;
import io.wafleet.common.json.WafleetJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static io.wafleet.webhook.Fixture.event;
import static io.wafleet.webhook.Signatures.assertSignedWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The worker end to end: a real KRaft broker, a MongoDB-wire server, and webhook receivers on
 * 127.0.0.1. Every test uses accounts of its own, so the tests do not depend on each other's order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + WebhookWorkerApplication.CONFIG_NAME,
        "wafleet.kafka.partitions=4",
        "wafleet.kafka.events-concurrency=1",
        "wafleet.delivery.initial-backoff=50ms",
        "wafleet.delivery.max-backoff=200ms",
        "wafleet.delivery.response-timeout=20s",
        // Long enough that only an AccountConfigChanged can make the worker see a new URL in time.
        "wafleet.endpoints.cache-ttl=10m",
        "wafleet.webhook.global-secret=global-secret",
})
@EmbeddedKafka(partitions = 4, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class WebhookWorkerIT {

    private static final int PARTITIONS = 4;
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final Receiver GLOBAL;

    static {
        MONGO.bind("127.0.0.1", 0);
        try {
            GLOBAL = Receiver.ok();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    private EmbeddedKafkaBroker broker;
    @Autowired
    private ReactiveMongoTemplate mongo;
    @Autowired
    private KafkaListenerEndpointRegistry listeners;
    @Autowired
    private MeterRegistry meters;
    @Value("${local.server.port}")
    private int port;

    private Fixture fleet;

    @DynamicPropertySource
    static void backingServices(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + MONGO.getLocalAddress().getPort() + "/wafleet");
        registry.add("wafleet.webhook.global-url", GLOBAL::url);
    }

    @AfterAll
    static void stopBackingServices() {
        GLOBAL.close();
        MONGO.shutdownNow();
    }

    @BeforeEach
    void connect() {
        fleet = new Fixture(broker.getBrokersAsString(), mongo);
        ContainerTestUtils.waitForAssignment(listeners.getListenerContainer("wafleet-webhook-events"), PARTITIONS);
        ContainerTestUtils.waitForAssignment(listeners.getListenerContainer("wafleet-webhook-config"), PARTITIONS);
    }

    @AfterEach
    void disconnect() {
        fleet.close();
    }

    @Test
    void eachAccountsEventsReachItsOwnWebhookInOrderSignedWithItsOwnSecret() throws IOException {
        try (Receiver alice = Receiver.ok(); Receiver bob = Receiver.ok()) {
            fleet.webhook("it-alice", alice.url(), "alice-secret");
            fleet.webhook("it-bob", bob.url(), "bob-secret");
            List<Event> aliceEvents = IntStream.range(0, 3).mapToObj(i -> event("it-alice")).toList();
            List<Event> bobEvents = IntStream.range(0, 3).mapToObj(i -> event("it-bob")).toList();
            for (int i = 0; i < 3; i++) {
                fleet.publish(aliceEvents.get(i));
                fleet.publish(bobEvents.get(i));
            }

            await().atMost(PATIENCE).until(() -> alice.requests().size() >= 3 && bob.requests().size() >= 3);

            assertReceivedExactly(alice, aliceEvents, "alice-secret", "bob-secret");
            assertReceivedExactly(bob, bobEvents, "bob-secret", "alice-secret");
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(fleet.delivery(aliceEvents.getFirst()))
                    .containsEntry("outcome", "delivered").containsEntry("attempts", 1)
                    .containsEntry("status_code", 200).containsEntry("url", alice.url())
                    .containsEntry("account_id", "it-alice").containsEntry("event", "message"));
        }
    }

    @Test
    void aFailingReceiverGetsTheEventAgainWithTheSameIdUntilItAccepts() throws IOException {
        try (Receiver flaky = new Receiver(n -> n <= 2 ? 500 : 200)) {
            fleet.webhook("it-flaky", flaky.url(), "flaky-secret");
            Event event = event("it-flaky");
            fleet.publish(event);

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(fleet.delivery(event))
                    .containsEntry("outcome", "delivered").containsEntry("attempts", 3).containsEntry("status_code", 200));
            assertThat(flaky.requests()).hasSize(3).allSatisfy(request -> {
                assertThat(request.header("X-Webhook-Id")).isEqualTo(event.id());
                assertSignedWith(request, "flaky-secret");
            });
        }
    }

    @Test
    void aBadRequestAnswerIsNotRetried() throws IOException {
        try (Receiver rejecting = new Receiver(n -> 400)) {
            fleet.webhook("it-rejecting", rejecting.url(), "rejecting-secret");
            Event event = event("it-rejecting");
            fleet.publish(event);

            // The record is written once the delivery is over, retries included.
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(fleet.delivery(event))
                    .containsEntry("outcome", "failed").containsEntry("attempts", 1).containsEntry("status_code", 400));
            assertThat(rejecting.requests()).hasSize(1);
        }
    }

    @Test
    void anAccountWithoutItsOwnWebhookUsesTheGlobalOne() {
        Event event = event("it-orphan");
        fleet.publish(event);

        await().atMost(PATIENCE).until(() -> GLOBAL.received(event) != null);
        assertThat(GLOBAL.received(event).header("X-Account-Id")).isEqualTo("it-orphan");
        assertSignedWith(GLOBAL.received(event), "global-secret");
    }

    @Test
    void aChangedWebhookTakesEffectWhenTheConfigChangeIsPublished() throws IOException {
        try (Receiver before = Receiver.ok(); Receiver after = Receiver.ok()) {
            fleet.webhook("it-mover", before.url(), "old-secret");
            fleet.publish(event("it-mover"));
            await().atMost(PATIENCE).until(() -> before.requests().size() == 1);

            fleet.webhook("it-mover", after.url(), "new-secret");
            double invalidationsBefore = invalidations();
            fleet.configChanged("it-mover");
            // The change and the next event travel on different topics: let the worker take in the change first.
            await().atMost(PATIENCE).until(() -> invalidations() > invalidationsBefore);
            Event next = event("it-mover");
            fleet.publish(next);

            await().atMost(PATIENCE).until(() -> after.received(next) != null);
            assertSignedWith(after.received(next), "new-secret");
            assertThat(before.requests()).hasSize(1);
        }
    }

    @Test
    void aSlowReceiverDoesNotHoldBackAnotherAccountOnTheSamePartition() throws IOException {
        String fastAccount = Fixture.accountOnPartitionOf("it-slow", PARTITIONS);
        CountDownLatch fastArrived = new CountDownLatch(1);
        AtomicReference<Boolean> fastArrivedWhileSlowWasOpen = new AtomicReference<>();
        try (Receiver fast = new Receiver(n -> {
                 fastArrived.countDown();
                 return 200;
             });
             Receiver slow = new Receiver(n -> {
                 fastArrivedWhileSlowWasOpen.set(awaitQuietly(fastArrived));
                 return 200;
             })) {
            fleet.webhook("it-slow", slow.url(), "slow-secret");
            fleet.webhook(fastAccount, fast.url(), "fast-secret");

            // One batch, the slow account's event first: only dispatch across accounts lets the fast one through.
            fleet.publishTogether(event("it-slow"), event(fastAccount));

            await().atMost(PATIENCE).until(() -> fastArrivedWhileSlowWasOpen.get() != null);
            assertThat(fastArrivedWhileSlowWasOpen.get())
                    .as("the fast account's event arrived while the slow one was still open").isTrue();
        }
    }

    @Test
    void aRecordThatIsNotAnEventIsSkippedWithoutHoldingItsPartition() throws IOException {
        try (Receiver receiver = Receiver.ok()) {
            fleet.webhook("it-garbled", receiver.url(), "garbled-secret");
            double skippedBefore = unparseable();
            fleet.publishGarbage("it-garbled", "{\"id\": \"not-an-event\"");
            Event next = event("it-garbled");
            fleet.publish(next);

            await().atMost(PATIENCE).until(() -> receiver.received(next) != null);
            assertThat(receiver.requests()).hasSize(1);
            assertThat(unparseable()).isEqualTo(skippedBefore + 1);
        }
    }

    @Test
    void healthIsUp() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    private double unparseable() {
        return meters.get("wafleet.webhook.events.unparseable").counter().count();
    }

    private double invalidations() {
        return meters.get("wafleet.webhook.endpoint.invalidations").counter().count();
    }

    private static void assertReceivedExactly(Receiver receiver, List<Event> events, String secret, String otherSecret) {
        assertThat(receiver.requests()).extracting(Receiver.Received::body)
                .containsExactlyElementsOf(events.stream().map(e -> WafleetJson.mapper().writeValueAsBytes(e)).toList());
        assertThat(receiver.requests()).allSatisfy(request -> {
            assertSignedWith(request, secret);
            assertThat(Signatures.hubValid(otherSecret, request.body(), request.header("X-Hub-Signature-256"))).isFalse();
        });
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
