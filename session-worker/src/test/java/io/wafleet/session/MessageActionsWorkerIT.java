package io.wafleet.session;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Actions on messages through the worker, produced as plain JSON: they reach the other sandbox account
 * of the chat, report their outcome as {@code message.action}, and a replayed command does not act again.
 */
class MessageActionsWorkerIT extends SessionWorkerITSupport {

    @Test
    void aReplayedActionReportsItsOutcomeAgainWithoutActingTwice() {
        String alice = newAccount();
        String bob = newAccount();
        String alicePhone = logIn(alice);
        String bobPhone = logIn(bob);
        String hello = sendMessage(alice, "3EB0" + hex(), bobPhone, "hello bob").messageId();
        await().atMost(WAIT).until(() -> records.events(bob, "message").stream()
                .anyMatch(e -> e.path("payload").path("id").asString().equals(hello)));

        String thumbsUp = action("message.react", bob, hello, alicePhone, ",\"emoji\":\"\\uD83D\\uDC4D\"");
        produce(bob, thumbsUp);
        produce(bob, action("message.react", bob, hello, alicePhone, ",\"emoji\":\"\\u2764\\uFE0F\""));
        await().atMost(WAIT).until(() -> reactions(alice).size() == 2);
        assertThat(outcomes(bob, commandId(thumbsUp))).singleElement().satisfies(outcome -> {
            assertThat(outcome.path("payload").path("status").asString()).isEqualTo("done");
            assertThat(outcome.path("payload").path("action").asString()).isEqualTo("react");
            assertThat(outcome.path("payload").path("message_id").asString()).isEqualTo(hello);
        });

        produce(bob, thumbsUp);
        produce(bob, action("message.read", bob, hello, alicePhone, ""));
        await().atMost(WAIT).untilAsserted(() -> assertThat(receipts(alice, hello)).contains("read"));
        List<JsonNode> replayed = outcomes(bob, commandId(thumbsUp));
        assertThat(replayed).hasSize(2);
        assertThat(replayed.get(1).path("id").asString()).isEqualTo(replayed.get(0).path("id").asString());
        // the replay came before the read on bob's partition: a second reaction would have reached alice first
        assertThat(reactions(alice)).map(r -> r.path("payload").path("reaction").asString())
                .containsExactly("\uD83D\uDC4D", "\u2764\uFE0F");
        assertThat(reactions(alice)).allSatisfy(r -> {
            assertThat(r.path("payload").path("reacted_message_id").asString()).isEqualTo(hello);
            assertThat(r.path("payload").path("from").asString()).isEqualTo(bobPhone);
        });
        assertThat(mongo.findById(commandId(thumbsUp), Document.class, "message_actions"))
                .containsEntry("status", "done").containsEntry("action", "react").containsEntry("account_id", bob);
        assertThat(mongo.findById(hello, Document.class, "messages")).containsEntry("status", "read");
    }

    @Test
    void anActionTheNetworkRefusesEndsFailedWithItsReason() {
        String alice = newAccount();
        String bob = newAccount();
        String alicePhone = logIn(alice);
        String bobPhone = logIn(bob);
        String hello = sendMessage(alice, "3EB0" + hex(), bobPhone, "hello bob").messageId();
        await().atMost(WAIT).until(() -> records.events(bob, "message").size() == 1);

        String revoke = action("message.revoke", bob, hello, alicePhone, "");
        produce(bob, revoke);
        String unknown = action("message.star", bob, "3EB0" + hex(), alicePhone, "");
        produce(bob, unknown);

        await().atMost(WAIT).until(() -> outcomes(bob, commandId(unknown)).size() == 1);
        assertThat(outcomes(bob, commandId(revoke))).singleElement().satisfies(outcome -> {
            assertThat(outcome.path("payload").path("status").asString()).isEqualTo("failed");
            assertThat(outcome.path("payload").path("reason").asString()).isEqualTo("not_own_message");
        });
        assertThat(outcomes(bob, commandId(unknown)).getFirst().path("payload").path("reason").asString()).isEqualTo("not_found");
        assertThat(records.events(alice, "message.revoked")).isEmpty();
    }

    private static String action(String type, String account, String messageId, String chat, String fields) {
        return command(type, account, "\"message_id\":\"" + messageId + "\",\"phone\":\"" + chat + "\"" + fields);
    }

    private static String commandId(String json) {
        return io.wafleet.common.json.WafleetJson.mapper().readTree(json).path("command_id").asString();
    }

    private static List<JsonNode> reactions(String account) {
        return records.events(account, "message.reaction");
    }

    /** The account's {@code message.action} events of one command, in order (same event id on each). */
    private static List<JsonNode> outcomes(String account, String commandId) {
        String eventId = io.wafleet.common.MessageIds.eventId(commandId, "message.action");
        return records.events(account, "message.action").stream().filter(e -> e.path("id").asString().equals(eventId)).toList();
    }
}
