package io.wafleet.infra;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhook delivery through the whole fleet: events whose attempts are exhausted are listed as
 * {@code dead} and redelivered in bulk through the API with their ids; a receiver that fails for a
 * while, then recovers, gets every event of a burst, its duplicates carrying the same id.
 */
class WebhookDeliveryIT {

    private static final String SECRET = "delivery-secret";

    private final FleetClient api = new FleetClient(TestFleet.shared().baseUrl());
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private WebhookReceiver hook;

    @BeforeEach
    void receiver() {
        hook = new WebhookReceiver();
    }

    @AfterEach
    void closeReceiver() {
        hook.close();
    }

    @Test
    void deadEventsAreListedAndRedeliveredWithTheirIds() {
        String account = "dead_letter_" + suffix;
        hook.answer(() -> 503);
        api.post("/accounts", Map.of("account_id", account)).expectStatus().isCreated();
        api.post("/accounts/" + account + "/webhook",
                        Map.of("webhook_url", hook.url(), "secret", SECRET, "max_attempts", 2))
                .expectStatus().isOk();
        api.postEmpty("/accounts/" + account + "/login").expectStatus().isOk();
        api.postEmpty("/sandbox/accounts/" + account + "/scan").expectStatus().isOk();
        awaitStatus(account, "logged_in");
        String messageId = api.sendText(account, "6289876543210", "Nobody is listening");

        // the message.sent event is dead once both of its attempts were answered 503
        String sentEventId = await("message.sent to be dead").atMost(Duration.ofSeconds(120))
                .until(() -> hook.events("message.sent").stream()
                                .filter(e -> e.get("payload").get("message_id").asString().equals(messageId))
                                .map(e -> e.get("id").asString()).findFirst()
                                .filter(id -> deliveries(account, "dead").stream()
                                        .anyMatch(d -> d.get("event_id").asString().equals(id))),
                        java.util.Optional::isPresent).orElseThrow();
        List<JsonNode> dead = deliveries(account, "dead");
        assertThat(dead).allSatisfy(d -> {
            assertThat(d.get("attempts").asInt()).isEqualTo(2);
            assertThat(d.get("last_status_code").asInt()).isEqualTo(503);
        });
        Set<String> deadIds = dead.stream().map(d -> d.get("event_id").asString()).collect(Collectors.toSet());
        assertThat(deadIds).contains(sentEventId);
        Map<String, Long> failedAttempts = hook.deliveries().stream()
                .filter(d -> d.status() == 503 && deadIds.contains(d.headers().get("webhook-id")))
                .collect(Collectors.groupingBy(d -> d.headers().get("webhook-id"), Collectors.counting()));
        assertThat(failedAttempts.keySet()).isEqualTo(deadIds);
        assertThat(failedAttempts.values()).allSatisfy(n -> assertThat(n).isEqualTo(2L));

        hook.answer(() -> 200);
        api.post("/accounts/" + account + "/webhook/deliveries/redeliver", Map.of("outcome", "dead"))
                .expectStatus().is2xxSuccessful();

        // the endpoint's circuit breaker opened on the failures: redeliveries wait out its open state
        // (30 s plus jitter, then 3 calls in half-open), possibly twice
        await("the dead events to be redelivered").atMost(Duration.ofSeconds(180)).untilAsserted(() -> {
            Set<String> redelivered = hook.deliveries().stream().filter(d -> d.status() == 200)
                    .map(d -> d.headers().get("webhook-id")).collect(Collectors.toSet());
            assertThat(redelivered).containsAll(deadIds);
            for (String id : deadIds) {
                assertThat(delivery(account, id).get("delivery").get("outcome").asString()).isEqualTo("delivered");
            }
        });
        List<WebhookReceiver.Delivery> again = hook.deliveries().stream()
                .filter(d -> d.status() == 200 && deadIds.contains(d.headers().get("webhook-id"))).toList();
        assertThat(again).allSatisfy(d -> {
            assertThat(d.signedWith(SECRET)).isTrue();
            assertThat(d.headers().get("X-Webhook-Id")).isEqualTo(d.headers().get("webhook-id"));
            assertThat(d.json().get("id").asString()).isEqualTo(d.headers().get("webhook-id"));
            assertThat(d.headers().get("X-Account-Id")).isEqualTo(account);
        });
        JsonNode detail = delivery(account, sentEventId);
        List<Integer> codes = detail.get("attempts").valueStream()
                .map(a -> a.get("status_code").isNull() ? null : a.get("status_code").asInt()).toList();
        assertThat(codes).hasSizeGreaterThanOrEqualTo(3).containsSubsequence(503, 503, 200);
        assertThat(detail.get("delivery").get("url").asString()).isEqualTo(hook.url());
        assertThat(detail.get("body").get("id").asString()).isEqualTo(sentEventId);
        assertThat(deliveries(account, "dead")).extracting(d -> d.get("event_id").asString())
                .doesNotContainAnyElementsOf(deadIds);
    }

    @Test
    void everyEventOfABurstArrivesAfterAnOutage() {
        String account = "outage_" + suffix;
        api.post("/accounts", Map.of("account_id", account)).expectStatus().isCreated();
        api.post("/accounts/" + account + "/webhook", Map.of("webhook_url", hook.url(), "secret", SECRET))
                .expectStatus().isOk();
        api.postEmpty("/accounts/" + account + "/login").expectStatus().isOk();
        api.postEmpty("/sandbox/accounts/" + account + "/scan").expectStatus().isOk();
        awaitStatus(account, "logged_in");
        await("the login's events").atMost(Duration.ofSeconds(30)).until(() -> !hook.events("session.status").isEmpty());

        // the outage: the burst's first requests fail (fewer than the circuit breaker's minimum number
        // of calls, so it stays closed and the retries do the work), then the receiver recovers
        int failures = 4;
        AtomicInteger failed = new AtomicInteger();
        hook.answer(() -> failed.getAndUpdate(n -> n < failures ? n + 1 : n) < failures ? 500 : 200);
        List<String> sent = IntStream.range(0, 20)
                .mapToObj(i -> api.sendText(account, "6289876543210", "burst " + i)).toList();

        await("every message.sent of the burst").atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                assertThat(hook.deliveries().stream().filter(d -> d.status() == 200).map(WebhookReceiver.Delivery::json)
                        .filter(e -> e.get("event").asString().equals("message.sent"))
                        .map(e -> e.get("payload").get("message_id").asString()).collect(Collectors.toSet()))
                        .containsExactlyInAnyOrderElementsOf(sent));
        assertThat(failed.get()).isEqualTo(failures);
        assertThat(hook.deliveries().stream().filter(d -> d.status() == 500)).hasSize(failures);

        List<WebhookReceiver.Delivery> all = hook.deliveries();
        assertThat(all).allSatisfy(d -> {
            assertThat(d.signedWith(SECRET)).isTrue();
            assertThat(d.headers().get("webhook-id")).isEqualTo(d.json().get("id").asString());
        });
        // a duplicate is the same event: same id, same body
        Map<String, List<WebhookReceiver.Delivery>> byId = all.stream()
                .collect(Collectors.groupingBy(d -> d.headers().get("webhook-id")));
        byId.values().forEach(copies -> assertThat(copies).extracting(d -> new String(d.body()))
                .containsOnly(new String(copies.getFirst().body())));
        Map<String, Set<String>> idsPerMessage = all.stream().map(WebhookReceiver.Delivery::json)
                .filter(e -> e.get("event").asString().equals("message.sent"))
                .collect(Collectors.groupingBy(e -> e.get("payload").get("message_id").asString(),
                        Collectors.mapping(e -> e.get("id").asString(), Collectors.toSet())));
        assertThat(idsPerMessage).hasSize(20).allSatisfy((message, ids) -> assertThat(ids).hasSize(1));
        assertThat(byId.values().stream().filter(copies -> copies.size() > 1)).isNotEmpty();
    }

    private List<JsonNode> deliveries(String account, String outcome) {
        JsonNode results = api.get("/accounts/" + account + "/webhook/deliveries?outcome=" + outcome + "&page=0&size=100")
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("results");
        return results.get("items").valueStream().toList();
    }

    private JsonNode delivery(String account, String eventId) {
        return api.get("/accounts/" + account + "/webhook/deliveries/" + eventId)
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("results");
    }

    private void awaitStatus(String account, String status) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                api.get("/accounts/" + account).expectStatus().isOk()
                        .expectBody().jsonPath("$.results.status").isEqualTo(status));
    }
}
