package io.wafleet.webhook;

import io.wafleet.common.event.Event;
import io.wafleet.common.json.WafleetJson;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static io.wafleet.webhook.Fixture.event;
import static io.wafleet.webhook.Signatures.assertSignedWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The worker end to end: which webhook an event goes to, signed how, and what is recorded. */
class WebhookWorkerIT extends WebhookWorkerITSupport {

    @Value("${local.server.port}")
    private int port;

    @Test
    void eachAccountsEventsReachItsOwnWebhookSignedWithItsOwnSecret() throws IOException {
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

            // Deliveries run concurrently, so an account's events may arrive in any order (the issue allows it).
            assertReceivedExactly(alice, aliceEvents, "alice-secret", "bob-secret");
            assertReceivedExactly(bob, bobEvents, "bob-secret", "alice-secret");
            Event first = aliceEvents.getFirst();
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(fleet.delivery(first))
                    .containsEntry("outcome", "delivered").containsEntry("attempts", 1)
                    .containsEntry("last_status_code", 200).containsEntry("last_error", null)
                    .containsEntry("url", alice.url()).containsEntry("account_id", "it-alice")
                    .containsEntry("event", "message")
                    .containsEntry("body", new String(WafleetJson.mapper().writeValueAsBytes(first)))
                    .containsKeys("created_at", "updated_at"));
            Document attempt = fleet.attempts(first).getFirst();
            assertThat(attempt).containsEntry("attempt", 1).containsEntry("url", alice.url())
                    .containsEntry("status_code", 200).containsEntry("error", null).containsKeys("latency_ms", "at");
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

            // One poll, the slow account's event first: only dispatch without waiting lets the fast one through.
            fleet.publishTogether(event("it-slow"), event(fastAccount));

            await().atMost(PATIENCE).until(() -> fastArrivedWhileSlowWasOpen.get() != null);
            assertThat(fastArrivedWhileSlowWasOpen.get())
                    .as("the fast account's event arrived while the slow one was still open").isTrue();
        }
    }

    @Test
    void anEventIsDeliveredByteForByteAsItWasPublished() throws IOException {
        try (Receiver receiver = Receiver.ok()) {
            fleet.webhook("it-verbatim", receiver.url(), "verbatim-secret");
            Event event = event("it-verbatim");
            // as another producer might write it: indented, not as wafleet's own serializer would
            String published = WafleetJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(event);
            fleet.publishText("it-verbatim", published);

            await().atMost(PATIENCE).until(() -> receiver.received(event) != null);
            Receiver.Received delivered = receiver.received(event);
            assertThat(new String(delivered.body(), StandardCharsets.UTF_8)).isEqualTo(published);
            assertThat(Signatures.hubValid("verbatim-secret", delivered.body(), delivered.header("X-Hub-Signature-256"))).isTrue();
        }
    }

    @Test
    void aRecordThatIsNotAnEventIsSkippedWithoutHoldingItsPartition() throws IOException {
        try (Receiver receiver = Receiver.ok()) {
            fleet.webhook("it-garbled", receiver.url(), "garbled-secret");
            double skippedBefore = unparseable();
            fleet.publishText("it-garbled", "{\"id\": \"not-an-event\"");
            Event next = event("it-garbled");
            fleet.publish(next);

            await().atMost(PATIENCE).until(() -> receiver.received(next) != null);
            assertThat(receiver.requests()).hasSize(1);
            assertThat(unparseable()).isEqualTo(skippedBefore + 1);
        }
    }

    @Test
    void readyWhenKafkaAndMongoAnswerAndAliveRegardless() throws Exception {
        await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() -> {
            HttpResponse<String> readiness = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
            var components = WafleetJson.mapper().readTree(readiness.body()).path("components");
            assertThat(components.path("mongo").path("status").asString()).isEqualTo("UP");
            assertThat(components.path("kafka").path("status").asString()).isEqualTo("UP");
        });
        HttpResponse<String> liveness = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/liveness")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(liveness.statusCode()).isEqualTo(200);
    }

    private double unparseable() {
        return meters.get("wafleet.webhook.events.unparseable").counter().count();
    }

    private double invalidations() {
        return meters.get("wafleet.webhook.endpoint.invalidations").counter().count();
    }

    private static void assertReceivedExactly(Receiver receiver, List<Event> events, String secret, String otherSecret) {
        assertThat(receiver.requests()).extracting(Receiver.Received::body)
                .containsExactlyInAnyOrderElementsOf(events.stream().map(e -> WafleetJson.mapper().writeValueAsBytes(e)).toList());
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
