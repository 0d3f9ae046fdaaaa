package io.wafleet.infra;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The seed guide's walkthrough against the whole fleet on the embedded default: two accounts with
 * their own webhooks and secrets, a QR login and a pairing-code login confirmed by the sandbox phone,
 * sends from each account, and an inbound message; each receiver gets exactly its own account's
 * events, correctly signed.
 */
class SeedWalkthroughIT {

    private final FleetClient api = new FleetClient(TestFleet.shared().baseUrl());
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String bisnis = "whatsapp_bisnis_" + suffix;
    private final String personal = "whatsapp_personal_" + suffix;
    private final String personalPhone = "628" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
    private WebhookReceiver bisnisHook;
    private WebhookReceiver personalHook;

    @BeforeEach
    void receivers() {
        bisnisHook = new WebhookReceiver();
        personalHook = new WebhookReceiver();
    }

    @AfterEach
    void closeReceivers() {
        bisnisHook.close();
        personalHook.close();
    }

    @Test
    void twoAccountsEachGetOnlyTheirOwnSignedEvents() {
        api.post("/accounts", Map.of("account_id", bisnis)).expectStatus().isCreated()
                .expectBody().jsonPath("$.code").isEqualTo("SUCCESS").jsonPath("$.results.id").isEqualTo(bisnis);
        api.post("/accounts", Map.of("account_id", personal)).expectStatus().isCreated();
        api.post("/accounts/" + bisnis + "/webhook", Map.of("webhook_url", bisnisHook.url(), "secret", "business-secret"))
                .expectStatus().isOk();
        api.post("/accounts/" + personal + "/webhook", Map.of("webhook_url", personalHook.url(), "secret", "personal-secret"))
                .expectStatus().isOk();

        JsonNode qr = api.postEmpty("/accounts/" + bisnis + "/login").expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody().get("results");
        assertThat(qr.get("qr_duration").asInt()).isPositive();
        assertThat(qr.get("qr_code").asString()).isNotBlank();
        api.getAbsolute(qr.get("qr_link").asString()).expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_PNG);
        api.postEmpty("/sandbox/accounts/" + bisnis + "/scan").expectStatus().isOk();

        api.post("/accounts/" + personal + "/login-with-code", Map.of("phone_number", personalPhone))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.results.pair_code").value(code -> assertThat((String) code).matches("[A-Z0-9]{4}-[A-Z0-9]{4}"));
        api.postEmpty("/sandbox/accounts/" + personal + "/scan").expectStatus().isOk();

        awaitStatus(bisnis, "logged_in");
        awaitStatus(personal, "logged_in");
        api.get("/accounts/" + personal).expectBody().jsonPath("$.results.phone_number").isEqualTo(personalPhone);

        String toPersonal = api.sendText(bisnis, personalPhone, "Hello from Business Account");
        String toOutside = api.sendText(personal, "6289876543210", "Hello from Personal Account");
        api.post("/sandbox/accounts/" + bisnis + "/inbound", Map.of("from", "6281111111111", "message", "Halo bisnis"))
                .expectStatus().isOk();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(ids(bisnisHook.events("message.sent"))).contains(toPersonal);
            assertThat(receiptTypes(bisnisHook, toPersonal)).contains("delivered");
            assertThat(ids(personalHook.events("message.sent"))).contains(toOutside);
            assertThat(bodies(personalHook.events("message"))).contains("Hello from Business Account");
            assertThat(bodies(bisnisHook.events("message"))).contains("Halo bisnis");
        });

        assertThat(bisnisHook.deliveries()).allSatisfy(d -> {
            assertThat(d.headers().get("X-Account-Id")).isEqualTo(bisnis);
            assertThat(d.json().get("account_id").asString()).isEqualTo(bisnis);
            assertThat(d.signedWith("business-secret")).isTrue();
            assertThat(d.signedWith("personal-secret")).isFalse();
        });
        assertThat(personalHook.deliveries()).allSatisfy(d -> {
            assertThat(d.headers().get("X-Account-Id")).isEqualTo(personal);
            assertThat(d.signedWith("personal-secret")).isTrue();
        });
        JsonNode arrived = personalHook.events("message").getFirst().get("payload");
        assertThat(arrived.get("is_from_me").asBoolean()).isFalse();
        assertThat(arrived.get("from").asString()).isNotBlank();
        assertThat(arrived.get("chat_id").asString()).endsWith("@s.whatsapp.net");

        // a sandbox account reads a message when it marks it read, and its sender gets the receipt
        String bisnisPhone = api.get("/accounts/" + bisnis).expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("results").get("phone_number").asString();
        api.post("/message/" + toPersonal + "/read", Map.of("account_id", personal, "phone", bisnisPhone))
                .expectStatus().isOk().expectBody().jsonPath("$.message").isEqualTo("read queued");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(receiptTypes(bisnisHook, toPersonal)).contains("delivered", "read"));

        // the sent text's status, as the receipts moved it
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> api.get("/messages/" + toPersonal).expectStatus().isOk()
                .expectBody().jsonPath("$.results.status").isEqualTo("read")
                .jsonPath("$.results.sent_at").isNotEmpty().jsonPath("$.results.read_at").isNotEmpty());

        // a location and a contact card reach the other account as they were sent
        String place = api.send("/send/location", Map.of("account_id", bisnis, "phone", personalPhone,
                "latitude", -6.175392, "longitude", 106.827153, "name", "Monas", "address", "Jakarta Pusat"));
        String card = api.send("/send/contact", Map.of("account_id", bisnis, "phone", personalPhone,
                "contact_name", "Budi Santoso", "contact_phone", "6289876543210"));
        api.send("/send/link", Map.of("account_id", bisnis, "phone", personalPhone, "link", "https://example.com/menu",
                "caption", "Our menu"));
        api.send("/send/poll", Map.of("account_id", bisnis, "phone", personalPhone, "question", "Lunch?",
                "options", List.of("Nasi goreng", "Sate")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(bisnisHook.events("message.sent")).anySatisfy(e -> assertThat(e.get("payload").path("message_id").asString("")
                    + " " + e.get("payload").path("message_type").asString("")).isEqualTo(place + " location"));
            assertThat(bisnisHook.events("message.sent")).anySatisfy(e -> assertThat(e.get("payload").path("message_id").asString("")
                    + " " + e.get("payload").path("message_type").asString("")).isEqualTo(card + " contact"));
            assertThat(personalHook.events("message")).anySatisfy(e -> {
                JsonNode location = e.get("payload").path("location");
                assertThat(location.path("latitude").asDouble()).isEqualTo(-6.175392);
                assertThat(location.path("longitude").asDouble()).isEqualTo(106.827153);
                assertThat(location.path("name").asString("")).isEqualTo("Monas");
                assertThat(location.path("address").asString("")).isEqualTo("Jakarta Pusat");
            });
            assertThat(bodies(personalHook.events("message"))).contains("Our menu\nhttps://example.com/menu");
            assertThat(personalHook.events("message")).anySatisfy(e -> {
                JsonNode poll = e.get("payload").path("poll");
                assertThat(poll.path("question").asString("")).isEqualTo("Lunch?");
                assertThat(poll.path("options").valueStream().map(o -> o.asString()).toList()).containsExactly("Nasi goreng", "Sate");
                assertThat(poll.path("max_answer").asInt()).isEqualTo(1);
            });
            assertThat(personalHook.events("message")).anySatisfy(e -> {
                JsonNode contact = e.get("payload").path("contact");
                assertThat(contact.path("display_name").asString("")).isEqualTo("Budi Santoso");
                assertThat(contact.path("phone").asString("")).isEqualTo("6289876543210");
            });
        });
    }

    private void awaitStatus(String account, String status) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                api.get("/accounts/" + account).expectStatus().isOk()
                        .expectBody().jsonPath("$.results.status").isEqualTo(status));
    }

    private static List<String> ids(List<JsonNode> events) {
        return events.stream().map(e -> e.get("payload").get("message_id").asString()).toList();
    }

    private static List<String> bodies(List<JsonNode> events) {
        return events.stream().map(e -> e.get("payload").path("body").asString("")).toList();
    }

    private static List<String> receiptTypes(WebhookReceiver hook, String messageId) {
        return hook.events("message.ack").stream().map(e -> e.get("payload"))
                .filter(p -> p.get("ids").valueStream().anyMatch(id -> id.asString().equals(messageId)))
                .map(p -> p.get("receipt_type").asString()).toList();
    }
}
