package io.wafleet.infra;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Presence through the whole fleet on the embedded default: one sandbox account shows another that it is
 * typing, and the other's webhook gets {@code chat_presence}; its presence is recorded by the sandbox
 * network ({@code sandbox_devices}); going offline does not hide its typing, as on WhatsApp.
 */
class PresenceIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static MongoClient mongo;

    private final FleetClient api = new FleetClient(TestFleet.shared().baseUrl());
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String alice = "presence_alice_" + suffix;
    private final String bob = "presence_bob_" + suffix;
    private final String bobPhone = "628" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
    private WebhookReceiver aliceHook;
    private WebhookReceiver bobHook;

    @BeforeAll
    static void connect() {
        mongo = MongoClients.create(TestFleet.shared().backing.mongoUri());
    }

    @AfterAll
    static void disconnect() {
        mongo.close();
    }

    @BeforeEach
    void receivers() {
        aliceHook = new WebhookReceiver();
        bobHook = new WebhookReceiver();
    }

    @AfterEach
    void closeReceivers() {
        aliceHook.close();
        bobHook.close();
    }

    @Test
    void typingReachesTheOtherAccountsWebhookAndThePresenceIsRecorded() {
        String alicePhone = loggedInWithWebhooks();

        queued("/send/presence", "presence queued", Map.of("account_id", alice, "type", "available"));
        Document online = awaitDevice(alice, "available");
        queued("/send/chat-presence", "chat presence queued", Map.of("account_id", alice, "phone", bobPhone, "action", "start"));
        JsonNode typing = awaitChatPresence("composing");
        assertThat(typing.get("payload").get("from").asString()).isEqualTo(alicePhone);
        assertThat(typing.get("payload").get("chat_id").asString()).isEqualTo(alicePhone + "@s.whatsapp.net");
        assertThat(typing.get("payload").get("timestamp").asString()).isNotEmpty();
        assertThat(typing.get("account_id").asString()).isEqualTo(bob);

        // offline, alice still shows bob that she stopped typing
        queued("/send/presence", "presence queued", Map.of("account_id", alice, "type", "unavailable"));
        Document offline = awaitDevice(alice, "unavailable");
        assertThat(offline.getDate("last_seen")).isAfterOrEqualTo(online.getDate("last_seen"));
        queued("/send/chat-presence", "chat presence queued", Map.of("account_id", alice, "phone", bobPhone + "@s.whatsapp.net",
                "action", "stop"));
        assertThat(awaitChatPresence("paused").get("payload").get("from").asString()).isEqualTo(alicePhone);

        assertThat(bobHook.events("chat_presence")).hasSize(2);
        assertThat(aliceHook.events("chat_presence")).isEmpty();
        assertThat(bobHook.deliveries()).allSatisfy(d -> assertThat(d.signedWith("bob-secret")).isTrue());
    }

    /** Both accounts with their own webhooks, alice by QR, bob by pairing code; answers alice's phone number. */
    private String loggedInWithWebhooks() {
        String alicePhone = api.logInWithWebhook(alice, aliceHook.url(), "alice-secret", null);
        api.logInWithWebhook(bob, bobHook.url(), "bob-secret", bobPhone);
        return alicePhone;
    }

    private void queued(String path, String message, Map<String, ?> body) {
        JsonNode answer = api.post(path, body).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(answer.get("message").asString()).isEqualTo(message);
        assertThat(answer.get("results").get("command_id").asString()).isNotEmpty();
    }

    private JsonNode awaitChatPresence(String state) {
        return await().atMost(WAIT).until(() -> bobHook.events("chat_presence").stream()
                .filter(e -> e.get("payload").get("state").asString().equals(state)).findFirst().orElse(null), e -> e != null);
    }

    /** The account's record in the sandbox network, once it shows {@code presence}. */
    private static Document awaitDevice(String account, String presence) {
        return await().atMost(WAIT).until(() -> mongo.getDatabase("wafleet").getCollection("sandbox_devices")
                .find(Filters.and(Filters.eq("_id", account), Filters.eq("presence", presence))).first(), d -> d != null);
    }
}
