package io.wafleet.gateway;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each API key's call budget: beyond it any call is a 429 with Retry-After, and does nothing. */
@TestPropertySource(properties = {"wafleet.auth.admin-key=" + ApiKeyRateLimitIT.ADMIN_KEY,
        "wafleet.limits.requests-per-key=4", "wafleet.limits.request-period=1h"})
class ApiKeyRateLimitIT extends GatewayTestSupport {

    static final String ADMIN_KEY = "admin-key-for-rate-limit-tests-0123456789";

    @Test
    void callsBeyondTheKeysBudgetAreRefusedWithRetryAfterWhileOtherKeysGoOn() {
        WebTestClient admin = as(ADMIN_KEY);
        admin.post().uri("/accounts").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("account_id", "rl-a"))
                .exchange().expectStatus().isCreated();
        byte[] issued = admin.post().uri("/keys").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("scope", "account", "account_ids", List.of("rl-a"))).exchange()
                .expectStatus().isCreated().expectBody().returnResult().getResponseBody();
        WebTestClient account = as(resultField(issued, "key"));
        for (int i = 0; i < 4; i++) {
            account.get().uri("/accounts/rl-a").exchange().expectStatus().isOk();
        }

        account.post().uri("/accounts/rl-a/webhook").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("webhook_url", "https://example.com/hook", "secret", "s")).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, seconds -> assertThat(Long.parseLong(seconds)).isBetween(3000L, 3600L))
                .expectBody().jsonPath("$.code").isEqualTo("RATE_LIMITED")
                .jsonPath("$.message").value(message -> assertThat((String) message).contains("API key").contains("4"));
        assertThat(mongo.findById("rl-a", Document.class, "account_webhooks").block()).isNull();

        // the admin key has a budget of its own (it has spent two), and health is not counted
        admin.get().uri("/accounts/rl-a").exchange().expectStatus().isOk();
        for (int i = 0; i < 5; i++) {
            client.get().uri("/actuator/health").exchange().expectStatus().isOk();
        }
        admin.get().uri("/accounts/rl-a").exchange().expectStatus().isOk();
        admin.get().uri("/accounts/rl-a").exchange().expectStatus().isEqualTo(429);
    }

    private WebTestClient as(String key) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("X-Api-Key", key).responseTimeout(Duration.ofSeconds(15)).build();
    }
}
