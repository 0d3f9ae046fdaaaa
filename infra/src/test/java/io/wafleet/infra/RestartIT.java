package io.wafleet.infra;

import io.wafleet.infra.backing.BackingServices;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded default keeps its state: after the whole fleet and its backing services stop and start
 * again on the same data directory, accounts, webhooks and logged-in sandbox sessions are still there,
 * and sends from them are acked.
 */
class RestartIT {

    @Test
    void accountsWebhooksAndSessionsSurviveARestart() throws Exception {
        Path dataDir = Files.createTempDirectory("wafleet-restart");
        BackingServices.Ports ports = TestFleet.freePorts();
        try (WebhookReceiver hook = new WebhookReceiver()) {
            TestFleet first = TestFleet.startEmbedded(dataDir, ports);
            try {
                FleetClient api = new FleetClient(first.baseUrl());
                api.post("/accounts", Map.of("account_id", "survivor")).expectStatus().isCreated();
                api.post("/accounts/survivor/webhook", Map.of("webhook_url", hook.url(), "secret", "restart-secret"))
                        .expectStatus().isOk();
                api.postEmpty("/accounts/survivor/login").expectStatus().isOk();
                api.postEmpty("/sandbox/accounts/survivor/scan").expectStatus().isOk();
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> api.get("/accounts/survivor")
                        .expectBody().jsonPath("$.results.status").isEqualTo("logged_in"));
            } finally {
                first.stop();
            }

            TestFleet second = TestFleet.startEmbedded(dataDir, ports);
            try {
                FleetClient api = new FleetClient(second.baseUrl());
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> api.get("/accounts/survivor")
                        .expectStatus().isOk().expectBody().jsonPath("$.results.status").isEqualTo("logged_in"));
                api.get("/accounts/survivor/webhook").expectStatus().isOk()
                        .expectBody().jsonPath("$.results.webhook_url").isEqualTo(hook.url());
                String messageId = api.sendText("survivor", "6281234567890", "after restart");
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(hook.events("message.ack"))
                        .anySatisfy(ack -> {
                            assertThat(ack.get("payload").get("ids").get(0).asString()).isEqualTo(messageId);
                            assertThat(ack.get("payload").get("receipt_type").asString()).isEqualTo("delivered");
                        }));
                assertThat(hook.deliveries()).allSatisfy(d -> assertThat(d.signedWith("restart-secret")).isTrue());
            } finally {
                second.stop();
            }
        }
    }
}
