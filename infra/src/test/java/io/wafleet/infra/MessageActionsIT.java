package io.wafleet.infra;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Message actions through the whole fleet on the embedded default, as a team moving from
 * go-whatsapp-web-multidevice drives them: one sandbox account writes to another, which reacts; the
 * sender edits; the recipient reads (the sender's message becomes {@code read}), forwards, tries to
 * revoke what is not its own and is refused; the sender revokes. Each side's webhook gets the events
 * go-whatsapp-web-multidevice's receivers expect, signed with its own secret.
 */
class MessageActionsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final FleetClient api = new FleetClient(TestFleet.shared().baseUrl());
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String alice = "actions_alice_" + suffix;
    private final String bob = "actions_bob_" + suffix;
    private final String bobPhone = "628" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
    private WebhookReceiver aliceHook;
    private WebhookReceiver bobHook;

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
    void reactionsEditsReadsForwardsAndRevokesReachTheOtherAccount() {
        String alicePhone = loggedInWithWebhooks();
        String hello = api.sendText(alice, bobPhone, "Helo Bob");
        await().atMost(WAIT).until(() -> bodies(bobHook.events("message")).contains("Helo Bob"));

        // bob reacts: alice's webhook gets message.reaction, bob's the outcome
        String reaction = act(hello, "reaction", Map.of("account_id", bob, "phone", alicePhone, "emoji", "\uD83D\uDC4D"));
        JsonNode reacted = awaitPayload(aliceHook, "message.reaction");
        assertThat(reacted.get("reaction").asString()).isEqualTo("\uD83D\uDC4D");
        assertThat(reacted.get("reacted_message_id").asString()).isEqualTo(hello);
        assertThat(reacted.get("from").asString()).isEqualTo(bobPhone);
        assertThat(outcome(bobHook, reaction).get("status").asString()).isEqualTo("done");

        // alice fixes her typo: bob's webhook gets message.edited with the new text
        act(hello, "update", Map.of("account_id", alice, "phone", bobPhone, "message", "Hello Bob"));
        JsonNode edited = awaitPayload(bobHook, "message.edited");
        assertThat(edited.get("original_message_id").asString()).isEqualTo(hello);
        assertThat(edited.get("body").asString()).isEqualTo("Hello Bob");

        // delivered, but not read until bob marks it read
        await().atMost(WAIT).untilAsserted(() -> assertThat(status(hello)).isEqualTo("delivered"));
        act(hello, "read", Map.of("account_id", bob, "phone", alicePhone));
        await().atMost(WAIT).untilAsserted(() -> assertThat(status(hello)).isEqualTo("read"));
        assertThat(aliceHook.events("message.ack")).anySatisfy(ack -> {
            assertThat(ack.get("payload").get("receipt_type").asString()).isEqualTo("read");
            assertThat(ack.get("payload").get("ids").get(0).asString()).isEqualTo(hello);
        });

        // bob forwards it back to alice: a new message with the edited text, marked forwarded
        JsonNode forward = api.post("/message/" + hello + "/forward", Map.of("account_id", bob, "phone", alicePhone,
                "to", alicePhone)).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("results");
        String forwardedId = forward.get("forwarded_message_id").asString();
        await().atMost(WAIT).untilAsserted(() -> assertThat(aliceHook.events("message")).anySatisfy(message -> {
            assertThat(message.get("payload").get("id").asString()).isEqualTo(forwardedId);
            assertThat(message.get("payload").get("body").asString()).isEqualTo("Hello Bob");
            assertThat(message.get("payload").get("forwarded").asBoolean()).isTrue();
        }));

        // bob replies to it: alice's message event names the message it replies to
        String reply = api.send("/send/message", Map.of("account_id", bob, "phone", alicePhone, "message", "Hi Alice",
                "reply_message_id", hello));
        await().atMost(WAIT).untilAsserted(() -> assertThat(aliceHook.events("message")).anySatisfy(message -> {
            assertThat(message.get("payload").get("id").asString()).isEqualTo(reply);
            assertThat(message.get("payload").get("replied_id").asString()).isEqualTo(hello);
        }));

        // bob may not revoke alice's message: the outcome says why, and alice hears nothing
        String refused = act(hello, "revoke", Map.of("account_id", bob, "phone", alicePhone));
        JsonNode failed = outcome(bobHook, refused);
        assertThat(failed.get("status").asString()).isEqualTo("failed");
        assertThat(failed.get("reason").asString()).isEqualTo("not_own_message");
        assertThat(failed.get("action").asString()).isEqualTo("revoke");

        // alice revokes it: bob's webhook gets message.revoked
        String revoke = act(hello, "revoke", Map.of("account_id", alice, "phone", bobPhone));
        JsonNode revoked = awaitPayload(bobHook, "message.revoked");
        assertThat(revoked.get("revoked_message_id").asString()).isEqualTo(hello);
        assertThat(revoked.get("revoked_from_me").asBoolean()).isFalse();
        assertThat(outcome(aliceHook, revoke).get("status").asString()).isEqualTo("done");
        assertThat(aliceHook.events("message.revoked")).isEmpty();

        assertThat(aliceHook.deliveries()).allSatisfy(d -> assertThat(d.signedWith("alice-secret")).isTrue());
        assertThat(bobHook.deliveries()).allSatisfy(d -> assertThat(d.signedWith("bob-secret")).isTrue());
    }

    /** Both accounts with their own webhooks, alice by QR, bob by pairing code; answers alice's phone number. */
    private String loggedInWithWebhooks() {
        String alicePhone = api.logInWithWebhook(alice, aliceHook.url(), "alice-secret", null);
        api.logInWithWebhook(bob, bobHook.url(), "bob-secret", bobPhone);
        return alicePhone;
    }

    /** Posts an action, checks it was queued, and answers its command id. */
    private String act(String messageId, String action, Map<String, ?> body) {
        JsonNode answer = api.post("/message/" + messageId + "/" + action, body).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(answer.get("message").asString()).isEqualTo(action + " queued");
        return answer.get("results").get("command_id").asString();
    }

    /** The {@code message.action} payload of the command's outcome, once it arrived. */
    private static JsonNode outcome(WebhookReceiver hook, String commandId) {
        String eventId = io.wafleet.common.MessageIds.eventId(commandId, "message.action");
        return await().atMost(WAIT).until(() -> hook.events("message.action").stream()
                .filter(e -> e.get("id").asString().equals(eventId)).map(e -> e.get("payload")).findFirst().orElse(null),
                payload -> payload != null);
    }

    private static JsonNode awaitPayload(WebhookReceiver hook, String type) {
        return await().atMost(WAIT).until(() -> hook.events(type).stream().map(e -> e.get("payload")).findFirst().orElse(null),
                payload -> payload != null);
    }

    private String status(String messageId) {
        return api.get("/messages/" + messageId).expectStatus().isOk().expectBody(JsonNode.class).returnResult()
                .getResponseBody().get("results").get("status").asString();
    }

    private static List<String> bodies(List<JsonNode> events) {
        return events.stream().map(e -> e.get("payload").path("body").asString("")).toList();
    }
}
