package io.wafleet.infra;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /user/check} and {@code GET /user/info} through the whole fleet: the asking account's
 * session asks the sandbox network, which knows the fleet's accounts (with their devices and presence)
 * and stands in for the rest of WhatsApp.
 */
class UserLookupIT {

    private final FleetClient api = new FleetClient(TestFleet.shared().baseUrl());
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String asker = "lookup_asker_" + suffix;
    private final String known = "lookup_known_" + suffix;
    private final String knownPhone = "628" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);

    @Test
    void anAccountLearnsWhoIsOnWhatsAppAndWhatTheyShow() {
        api.createAndLogIn(asker);
        api.post("/accounts", Map.of("account_id", known)).expectStatus().isCreated();
        api.post("/accounts/" + known + "/login-with-code", Map.of("phone_number", knownPhone)).expectStatus().isOk();
        api.postEmpty("/sandbox/accounts/" + known + "/scan").expectStatus().isOk();
        awaitLoggedIn(asker);
        awaitLoggedIn(known);

        JsonNode member = results(api.get("/user/check?account_id=" + asker + "&phone=" + knownPhone));
        assertThat(member.get("is_on_whatsapp").asBoolean()).isTrue();
        assertThat(member.get("jid").asString()).isEqualTo(knownPhone + "@s.whatsapp.net");
        assertThat(results(api.get("/user/check?account_id=" + asker + "&phone=6289876543210"))
                .get("is_on_whatsapp").asBoolean()).isTrue();
        assertThat(results(api.get("/user/check?account_id=" + asker + "&phone=081234567890"))
                .get("is_on_whatsapp").asBoolean()).isFalse();

        api.post("/send/presence", Map.of("account_id", known, "type", "unavailable")).expectStatus().isOk();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode info = results(api.get("/user/info?account_id=" + asker + "&phone=" + knownPhone + "@s.whatsapp.net"));
            assertThat(info.get("presence").asString()).isEqualTo("unavailable");
            assertThat(info.get("last_seen").asString()).isNotBlank();
            assertThat(info.get("status").asString()).isNotBlank();
            assertThat(info.get("devices").valueStream().map(JsonNode::asString))
                    .contains(knownPhone + ":0").anyMatch(device -> device.startsWith(knownPhone + ":") && !device.endsWith(":0"));
        });

        api.get("/user/info?account_id=" + asker + "&phone=081234567890").expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
        api.get("/user/info?account_id=" + asker + "&phone=120363021234567890@g.us").expectStatus().isBadRequest();
        api.get("/user/check?account_id=" + asker).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").value(message -> assertThat((String) message).contains("phone"));
        String idle = "lookup_idle_" + suffix;
        api.post("/accounts", Map.of("account_id", idle)).expectStatus().isCreated();
        api.get("/user/check?account_id=" + idle + "&phone=" + knownPhone).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("NOT_LOGGED_IN");
        api.get("/user/check?account_id=nobody_" + suffix + "&phone=" + knownPhone).expectStatus().isNotFound();
    }

    private JsonNode results(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response) {
        return response.expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("results");
    }

    private void awaitLoggedIn(String account) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> api.get("/accounts/" + account).expectStatus().isOk()
                .expectBody().jsonPath("$.results.status").isEqualTo("logged_in"));
    }
}
