package io.wafleet.webhook;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.wafleet.common.event.Event;
import io.wafleet.common.json.WafleetJson;
import io.wafleet.webhook.Receiver.Answer;
import io.wafleet.webhook.delivery.DeliveryPruner;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.wafleet.webhook.Fixture.event;
import static io.wafleet.webhook.Signatures.assertSignedWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/** Retries, dead letters, circuit breakers and per-account policy, end to end. */
class DeliveryResilienceIT extends WebhookWorkerITSupport {

    @Autowired
    private CircuitBreakerRegistry breakers;
    @Autowired
    private DeliveryPruner pruner;

    @Test
    void everyEventArrivesThroughAnOutageWithTheSameIdOnEveryAttempt() throws IOException {
        try (Receiver flaky = Receiver.failingEachEvent(2, 500)) {
            fleet.webhook("it-outage", flaky.url(), "outage-secret");
            List<Event> events = IntStream.range(0, 4).mapToObj(i -> event("it-outage")).toList();
            events.forEach(fleet::publish);

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(events).allSatisfy(event -> {
                assertThat(fleet.delivery(event)).containsEntry("outcome", "delivered").containsEntry("attempts", 3);
                assertThat(fleet.attempts(event)).hasSize(3);
            }));
            for (Event event : events) {
                byte[] body = WafleetJson.mapper().writeValueAsBytes(event);
                assertThat(flaky.requestsFor(event)).hasSize(3).allSatisfy(request -> {
                    assertThat(request.body()).isEqualTo(body);
                    assertThat(request.header("webhook-id")).isEqualTo(event.id());
                    assertSignedWith(request, "outage-secret");
                });
                assertThat(fleet.attempts(event))
                        .extracting(a -> a.get("attempt"), a -> a.get("status_code"), a -> a.get("error"))
                        .containsExactly(tuple(1, 500, "HTTP 500"), tuple(2, 500, "HTTP 500"), tuple(3, 200, null));
                assertThat(fleet.attempts(event)).allSatisfy(attempt -> assertThat(((Number) attempt.get("latency_ms")).longValue())
                        .isBetween(0L, PATIENCE.toMillis()));
            }
        }
    }

    @Test
    void anEndpointRefusingConnectionsGetsTheEventOnceItIsUp() throws IOException {
        int port = freePort();
        fleet.webhook("it-refused", "http://127.0.0.1:" + port + "/hook", "refused-secret", new Document("max_attempts", 40));
        Event event = event("it-refused");
        fleet.publish(event);

        await().atMost(PATIENCE).until(() -> fleet.attempts(event).size() >= 2);
        assertThat(fleet.attempts(event)).allSatisfy(attempt -> {
            assertThat(attempt.get("status_code")).isNull();
            assertThat(attempt.getString("error")).containsIgnoringCase("refused");
        });
        try (Receiver up = new Receiver(port, (n, request) -> Answer.of(200))) {
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(fleet.delivery(event))
                    .containsEntry("outcome", "delivered").containsEntry("last_status_code", 200));
            assertThat(up.requestsFor(event)).hasSize(1);
            assertSignedWith(up.received(event), "refused-secret");
        }
    }

    @Test
    void tooManyRequestsIsRetriedNoSoonerThanRetryAfter() throws IOException {
        try (Receiver limiting = new Receiver((n, request) -> n == 1 ? new Answer(429, Map.of("Retry-After", "1")) : Answer.of(200))) {
            fleet.webhook("it-limited", limiting.url(), "limited-secret");
            Event event = event("it-limited");
            fleet.publish(event);

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(fleet.delivery(event))
                    .containsEntry("outcome", "delivered").containsEntry("attempts", 2));
            List<Receiver.Received> requests = limiting.requestsFor(event);
            assertThat(requests).hasSize(2);
            assertThat(Duration.ofNanos(requests.get(1).arrivedNanos() - requests.get(0).arrivedNanos()))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            assertThat(fleet.attempts(event)).extracting(a -> a.get("status_code")).containsExactly(429, 200);
        }
    }

    @Test
    void aBadRequestIsFinalAndARedeliveryContinuesTheCount() throws IOException {
        try (Receiver rejecting = new Receiver(n -> n == 1 ? 400 : 200)) {
            fleet.webhook("it-rejecting", rejecting.url(), "rejecting-secret");
            Event event = event("it-rejecting");
            fleet.publish(event);

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(fleet.delivery(event))
                    .containsEntry("outcome", "failed").containsEntry("attempts", 1).containsEntry("last_status_code", 400));
            assertThat(fleet.attempts(event)).extracting(a -> a.get("status_code")).containsExactly(400);
            assertThat(rejecting.requests()).hasSize(1);

            // The gateway redelivers by republishing the stored body, same event id.
            fleet.republish("it-rejecting", fleet.delivery(event).getString("body"));

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(fleet.delivery(event))
                    .containsEntry("outcome", "delivered").containsEntry("attempts", 2).containsEntry("last_status_code", 200));
            assertThat(fleet.attempts(event)).extracting(a -> a.get("attempt"), a -> a.get("status_code"))
                    .containsExactly(tuple(1, 400), tuple(2, 200));
            assertThat(rejecting.requests()).extracting(Receiver.Received::id).containsExactly(event.id(), event.id());
        }
    }

    @Test
    void exhaustedAttemptsLeaveTheEventDeadAndOnTheDeadLetterTopic() throws IOException {
        try (Receiver down = new Receiver(n -> 503)) {
            fleet.webhook("it-dead", down.url(), "dead-secret", new Document("max_attempts", 2));
            Event event = event("it-dead");
            fleet.publish(event);

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(fleet.delivery(event))
                    .containsEntry("outcome", "dead").containsEntry("attempts", 2).containsEntry("last_status_code", 503));
            await().atMost(PATIENCE).until(() -> !fleet.deadLetters(event).isEmpty());
            ConsumerRecord<String, String> letter = fleet.deadLetters(event).getFirst();
            assertThat(letter.key()).isEqualTo("it-dead");
            assertThat(letter.value()).isEqualTo(new String(WafleetJson.mapper().writeValueAsBytes(event), StandardCharsets.UTF_8));
            assertThat(header(letter, "wafleet-attempts")).isEqualTo("2");
            assertThat(header(letter, "wafleet-last-status")).isEqualTo("503");
            assertThat(down.requestsFor(event)).hasSize(2);
        }
    }

    @Test
    void anOpenCircuitDefersTheEventWithoutSpendingAnAttempt() throws IOException {
        try (Receiver receiver = Receiver.ok()) {
            fleet.webhook("it-circuit", receiver.url(), "circuit-secret");
            CircuitBreaker breaker = breakers.circuitBreaker(receiver.url(),
                    breakers.getConfiguration("webhook-endpoint").orElseThrow());
            breaker.transitionToForcedOpenState();
            double deferredBefore = deferred();
            Event event = event("it-circuit");
            fleet.publish(event);

            await().atMost(PATIENCE).until(() -> deferred() >= deferredBefore + 2);
            assertThat(fleet.delivery(event)).containsEntry("outcome", "pending").containsEntry("attempts", 0);
            assertThat(fleet.delivery(event).getString("last_error")).contains("circuit open");
            assertThat(receiver.requests()).isEmpty();

            breaker.transitionToClosedState();
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(fleet.delivery(event))
                    .containsEntry("outcome", "delivered").containsEntry("attempts", 1));
            assertThat(fleet.attempts(event)).extracting(a -> a.get("attempt")).containsExactly(1);
        }
    }

    @Test
    void theAccountsPolicyFiltersEventsAndAddsHeadersThatCannotForgeOurs() throws IOException {
        try (Receiver receiver = Receiver.ok()) {
            Document headers = new Document("X-Tenant", "tenant-7").append("X-Webhook-Id", "forged")
                    .append("Content-Type", "text/plain").append("webhook-signature", "v1,forged");
            fleet.webhook("it-picky", receiver.url(), "picky-secret",
                    new Document("events", List.of("message.ack")).append("headers", headers));
            Event message = event("it-picky");
            Event ack = Fixture.ack("it-picky");
            fleet.publish(message);
            fleet.publish(ack);

            await().atMost(PATIENCE).until(() -> receiver.received(ack) != null);
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(fleet.delivery(message))
                    .containsEntry("outcome", "filtered").containsEntry("attempts", 0));
            assertThat(receiver.requests()).hasSize(1);
            Receiver.Received request = receiver.received(ack);
            assertThat(request.header("X-Tenant")).isEqualTo("tenant-7");
            assertThat(request.header("X-Webhook-Id")).isEqualTo(ack.id());
            assertSignedWith(request, "picky-secret");
            assertThat(fleet.attempts(message)).isEmpty();
        }
    }

    @Test
    void recordsOlderThanTheRetentionArePruned() {
        Date old = Date.from(Instant.now().minus(Duration.ofDays(8)));
        Date recent = Date.from(Instant.now().minus(Duration.ofDays(1)));
        mongo.insert(new Document("_id", "prune-old").append("account_id", "it-prune").append("updated_at", old), "webhook_deliveries").block();
        mongo.insert(new Document("_id", "prune-new").append("account_id", "it-prune").append("updated_at", recent), "webhook_deliveries").block();

        assertThat(pruner.prune().block(PATIENCE)).isGreaterThanOrEqualTo(1L);

        assertThat(mongo.findById("prune-old", Document.class, "webhook_deliveries").block()).isNull();
        assertThat(mongo.findById("prune-new", Document.class, "webhook_deliveries").block()).isNotNull();
    }

    private double deferred() {
        var counter = meters.find("wafleet.webhook.deferred").counter();
        return counter == null ? 0 : counter.count();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
