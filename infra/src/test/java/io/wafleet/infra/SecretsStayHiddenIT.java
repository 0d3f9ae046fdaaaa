package io.wafleet.infra;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The secrets of a whole fleet's run (webhook secrets, the master key, the session credentials the
 * sandbox issued) appear in no log line of any service, no API answer and no delivered event, and are
 * not stored in the clear: two accounts log in, exchange messages, and everything is read back. A
 * webhook header's value (the receiver's own credentials) reaches the receiver and no log or answer.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayHiddenIT {

    private static MongoClient mongo;

    private final FleetClient api = new FleetClient(TestFleet.shared().baseUrl());
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String alice = "secrets_alice_" + suffix;
    private final String bob = "secrets_bob_" + suffix;
    private final String aliceSecret = "alice-webhook-secret-" + UUID.randomUUID();
    private final String bobSecret = "bob-webhook-secret-" + UUID.randomUUID();
    private final String receiverToken = "receiver-token-" + UUID.randomUUID();
    private final List<String> answers = new ArrayList<>();

    @BeforeAll
    static void connect() {
        mongo = MongoClients.create(TestFleet.shared().backing.mongoUri());
    }

    @AfterAll
    static void disconnect() {
        mongo.close();
    }

    @Test
    void noSecretLeavesTheFleetOrIsStoredInTheClear(CapturedOutput output) throws Exception {
        String bobPhone = "628" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        try (WebhookReceiver aliceHook = new WebhookReceiver(); WebhookReceiver bobHook = new WebhookReceiver()) {
            String alicePhone = api.logInWithWebhook(alice, aliceHook.url(), aliceSecret, null);
            api.logInWithWebhook(bob, bobHook.url(), bobSecret, bobPhone);
            // a header for alice's receiver that carries its credentials: sent to it, and shown to no one else
            api.post("/accounts/" + alice + "/webhook", Map.of("webhook_url", aliceHook.url(), "secret", aliceSecret,
                    "headers", Map.of("Authorization", "Bearer " + receiverToken))).expectStatus().isOk();
            String sent = api.sendText(alice, bobPhone, "hello bob");
            api.sendText(bob, alicePhone, "hello alice");
            // a webhook set again with a bad URL: its refusal must not repeat the secret either
            answers.add(body(api.post("/accounts/" + alice + "/webhook", Map.of("webhook_url", "ftp://x", "secret", aliceSecret))));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(bobHook.events("message")).isNotEmpty();
                assertThat(aliceHook.events("message")).isNotEmpty();
            });
            for (String account : List.of(alice, bob)) {
                answers.add(body(api.get("/accounts/" + account)));
                answers.add(body(api.get("/accounts/" + account + "/webhook")));
                answers.add(body(api.get("/accounts/" + account + "/webhook/deliveries?page=0&size=100")));
                answers.add(body(api.get("/accounts/" + account + "/messages")));
            }
            answers.add(body(api.get("/messages/" + sent)));
            answers.add(body(api.get("/accounts")));

            List<String> secrets = new ArrayList<>(List.of(aliceSecret, bobSecret, masterKey()));
            secrets.addAll(sandboxTokens());
            List<String> delivered = new ArrayList<>();
            for (WebhookReceiver hook : List.of(aliceHook, bobHook)) {
                hook.deliveries().forEach(d -> delivered.add(new String(d.body(), StandardCharsets.UTF_8) + d.headers()));
            }
            assertThat(output.getAll()).doesNotContain(receiverToken);
            assertThat(answers).noneMatch(answer -> answer.contains(receiverToken));
            assertThat(aliceHook.deliveries()).anySatisfy(d -> assertThat(d.headers()).containsValue("Bearer " + receiverToken));
            // the services' logs are captured: the gateway's audit line of this test's account is there
            assertThat(output.getAll()).contains("account.created account " + alice);
            for (String secret : secrets) {
                assertThat(output.getAll()).as("the logs").doesNotContain(secret);
                assertThat(answers).as("the API's answers").noneMatch(answer -> answer.contains(secret));
                assertThat(delivered).as("the delivered events").noneMatch(event -> event.contains(secret));
                assertThat(storedInTheClear(secret)).as("documents holding it in the clear").isEmpty();
            }
        }
    }

    private static String body(WebTestClient.ResponseSpec response) {
        return response.expectBody(String.class).returnResult().getResponseBody();
    }

    private static String masterKey() throws Exception {
        return Files.readString(Path.of(TestFleet.shared().dataDir.toString(), "master.key")).strip();
    }

    /** The tokens the sandbox network issued to the two devices: what their session credentials hold. */
    private List<String> sandboxTokens() {
        List<String> tokens = new ArrayList<>();
        database().getCollection("sandbox_devices").find(Filters.in("_id", alice, bob))
                .forEach(device -> tokens.add(device.getString("token")));
        assertThat(tokens).hasSize(2).allSatisfy(token -> assertThat(token).hasSizeGreaterThan(8));
        return tokens;
    }

    /** The documents of the fleet's own collections (not the sandbox network's) that hold the text. */
    private List<String> storedInTheClear(String secret) {
        List<String> found = new ArrayList<>();
        for (String collection : List.of("accounts", "account_webhooks", "session_credentials", "messages",
                "webhook_deliveries", "api_keys")) {
            for (Document document : database().getCollection(collection).find()) {
                if (document.toJson().contains(secret)) {
                    found.add(collection + " " + document.get("_id"));
                }
            }
        }
        return found;
    }

    private com.mongodb.client.MongoDatabase database() {
        return mongo.getDatabase("wafleet");
    }
}
