package io.wafleet.infra;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A scripted run through the whole fleet (an account with a webhook, logged in by a sandbox scan,
 * a text sent and its events delivered), then every service's {@code /actuator/prometheus} shows
 * wafleet's meters with values at least what the run did, latency histograms with their buckets,
 * and the Kafka consumers' lag. The fleet is shared with other tests, so counts are lower bounds.
 */
class MetricsIT {

    private final TestFleet fleet = TestFleet.shared();
    private final FleetClient api = new FleetClient(fleet.baseUrl());
    private final WebhookReceiver hook = new WebhookReceiver();

    @AfterEach
    void closeReceiver() {
        hook.close();
    }

    @Test
    void everyServiceExposesItsMetersWithTheRunCounted() {
        String account = "metrics_" + UUID.randomUUID().toString().substring(0, 8);
        api.logInWithWebhook(account, hook.url(), "metrics-secret", null);
        String messageId = api.sendText(account, "6289876543210", "Counted, not logged");
        await("message.sent delivered to the webhook").atMost(Duration.ofSeconds(30)).until(() -> hook.events("message.sent")
                .stream().anyMatch(e -> e.get("payload").get("message_id").asString().equals(messageId)));
        int delivered = hook.deliveries().size();

        PrometheusScrape gateway = PrometheusScrape.of(fleet.fleet.port("api-gateway"));
        assertThat(gateway.find("wafleet_gateway_commands_published_total")).as("each series names its service")
                .isNotEmpty().allSatisfy(sample -> assertThat(sample.labels()).containsEntry("application", "api-gateway"));
        assertThat(gateway.sum("wafleet_gateway_commands_published_total", "type=account.login")).isGreaterThanOrEqualTo(1);
        assertThat(gateway.sum("wafleet_gateway_commands_published_total", "type=sandbox.scan")).isGreaterThanOrEqualTo(1);
        assertThat(gateway.sum("wafleet_gateway_commands_published_total", "type=send.message")).isGreaterThanOrEqualTo(1);
        assertHistogram(gateway, "wafleet_gateway_commands_publish_seconds", "type=send.message", "outcome=success");
        assertHistogram(gateway, "wafleet_gateway_send_accept_seconds", "type=text", "outcome=accepted");

        await("the worker's gauges and lag to show the run").atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            PrometheusScrape worker = PrometheusScrape.of(fleet.fleet.port("session-worker"));
            assertThat(worker.sum("wafleet_sessions", "state=logged_in")).isGreaterThanOrEqualTo(1);
            assertThat(worker.find("wafleet_sessions")).extracting(s -> s.labels().get("state"))
                    .contains("scan_qr", "logged_out", "failed", "disconnected");
            assertThat(worker.sum("wafleet_commands_consumed_total", "type=account.login")).isGreaterThanOrEqualTo(1);
            assertThat(worker.sum("wafleet_commands_consumed_total", "type=send.message")).isGreaterThanOrEqualTo(1);
            assertHistogram(worker, "wafleet_commands_handling_seconds", "type=send.message", "outcome=success");
            assertHistogram(worker, "wafleet_messages_send_seconds", "type=text", "outcome=sent");
            assertThat(worker.sum("wafleet_events_published_total", "type=message.sent")).isGreaterThanOrEqualTo(1);
            assertThat(worker.sum("wafleet_events_published_total", "type=session.status")).isGreaterThanOrEqualTo(1);
            assertThat(worker.sum("wafleet_leases_acquired_total")).isGreaterThanOrEqualTo(1);
            assertThat(worker.find("wafleet_leases_acquired_total", "from=takeover")).hasSize(1);
            assertThat(worker.find("wafleet_leases_lost_total")).hasSize(1);
            assertThat(worker.find("wafleet_sessions_restores_total")).hasSize(3);
            assertThat(worker.find("kafka_consumer_fetch_manager_records_lag_max")).isNotEmpty();
        });

        PrometheusScrape webhooks = PrometheusScrape.of(fleet.fleet.port("webhook-worker"));
        assertThat(webhooks.sum("wafleet_webhook_deliveries_total", "outcome=delivered")).isGreaterThanOrEqualTo(delivered);
        assertThat(webhooks.find("wafleet_webhook_deliveries_total")).as("no account tags by default")
                .allSatisfy(sample -> assertThat(sample.labels()).doesNotContainKey("account"));
        assertHistogram(webhooks, "wafleet_webhook_attempts_seconds", "result=delivered");
        assertThat(webhooks.sum("wafleet_webhook_attempts_seconds_count", "result=delivered")).isGreaterThanOrEqualTo(delivered);
        assertThat(webhooks.find("wafleet_webhook_retries_total")).hasSize(1);
        assertThat(webhooks.find("wafleet_webhook_dead_letters_total")).hasSize(2);
        assertThat(webhooks.find("kafka_consumer_fetch_manager_records_lag_max")).isNotEmpty();
        assertThat(webhooks.find("kafka_consumer_fetch_manager_records_lag_max")).as("a consumer that just fetched knows its lag")
                .anySatisfy(sample -> assertThat(sample.value()).isGreaterThanOrEqualTo(0).isLessThan(1_000_000));

        for (PrometheusScrape scrape : List.of(gateway, PrometheusScrape.of(fleet.fleet.port("session-worker")), webhooks)) {
            assertThat(scrape.samples()).as("no URL, secret or message text in a tag").allSatisfy(sample ->
                    assertThat(sample.labels().values()).noneMatch(value -> value.contains(hook.url())
                            || value.contains("metrics-secret") || value.contains("Counted, not logged")));
        }
    }

    /** A timer published as a histogram: buckets up to +Inf, whose count is at least one and equals {@code _count}. */
    private static void assertHistogram(PrometheusScrape scrape, String name, String... labels) {
        assertThat(scrape.find(name + "_bucket", labels)).as(name + " buckets").hasSizeGreaterThan(5);
        double count = scrape.sum(name + "_count", labels);
        assertThat(count).as(name + "_count").isGreaterThanOrEqualTo(1);
        String[] inf = Stream.concat(Arrays.stream(labels), Stream.of("le=+Inf")).toArray(String[]::new);
        assertThat(scrape.sum(name + "_bucket", inf)).isEqualTo(count);
        assertThat(scrape.sum(name + "_sum", labels)).isPositive();
    }
}
