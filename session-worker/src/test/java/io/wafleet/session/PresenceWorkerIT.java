package io.wafleet.session;

import io.wafleet.common.MessageIds;
import io.wafleet.common.Topics;
import io.wafleet.common.json.WafleetJson;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Presence commands through the worker, produced as plain JSON: the sandbox records a presence and carries a
 * typing indicator to the other account as {@code chat_presence}; without a session they do nothing, and
 * are neither retried nor rejected; one that breaks a rule is rejected.
 */
class PresenceWorkerIT extends SessionWorkerITSupport {

    @Test
    void aPresenceIsRecordedAndTypingReachesTheOtherAccount() {
        String alice = newAccount();
        String bob = newAccount();
        String alicePhone = logIn(alice);
        String bobPhone = logIn(bob);

        produce(alice, command("send.presence", alice, "\"presence\":\"unavailable\""));
        produce(alice, command("send.chat_presence", alice, "\"phone\":\"" + bobPhone + "\",\"state\":\"composing\""));

        JsonNode typing = await().atMost(WAIT).until(() -> records.events(bob, "chat_presence").stream().findFirst()
                .orElse(null), event -> event != null);
        assertThat(typing.path("payload").path("from").asString()).isEqualTo(alicePhone);
        assertThat(typing.path("payload").path("chat_id").asString()).isEqualTo(alicePhone + "@s.whatsapp.net");
        assertThat(typing.path("payload").path("state").asString()).isEqualTo("composing");
        assertThat(mongo.findById(alice, Document.class, "sandbox_devices")).containsEntry("presence", "unavailable")
                .containsKey("last_seen");
        assertThat(records.events(alice, "chat_presence")).isEmpty();
    }

    @Test
    void aRedeliveredChatPresenceKeepsItsEventId() {
        String bob = newAccount();
        logIn(bob);
        String routed = "{\"type\":\"sandbox.chat_presence\",\"command_id\":\"" + UUID.randomUUID() + "\",\"account_id\":\""
                + bob + "\",\"schema_version\":1,\"from\":\"6281111111111\",\"state\":\"paused\"}";

        produce(bob, routed);
        produce(bob, routed);

        await().atMost(WAIT).until(() -> records.events(bob, "chat_presence").size() == 2);
        String commandId = commandId(routed);
        assertThat(records.events(bob, "chat_presence")).map(e -> e.path("id").asString())
                .containsOnly(MessageIds.eventId(commandId + "|chat_presence", "chat_presence"));
    }

    @Test
    void withoutASessionAPresenceDoesNothingAndIsNeitherRetriedNorRejected() {
        String carol = newAccount();

        produce(carol, command("send.presence", carol, "\"presence\":\"available\""));
        produce(carol, command("send.chat_presence", carol, "\"phone\":\"6281111111111\",\"state\":\"composing\""));
        String broken = command("send.chat_presence", carol, "\"phone\":\"12\",\"state\":\"composing\"");
        produce(carol, broken);
        // behind them on carol's partition: once it is answered, the presences have run
        assertThat(call("account.login", carol, "").path("status").asString()).isEqualTo("scan_qr");

        await().atMost(WAIT).until(() -> records.events(carol, "command.rejected").size() == 1);
        assertThat(records.events(carol, "command.rejected")).singleElement().satisfies(rejected -> {
            assertThat(rejected.path("payload").path("command_id").asString()).isEqualTo(commandId(broken));
            assertThat(rejected.path("payload").path("reason").asString()).startsWith("invalid command: phone must be");
        });
        assertThat(records.on(Topics.COMMANDS_DLT, r -> carol.equals(r.key()))).hasSize(1);
        assertThat(mongo.findById(carol, Document.class, "sandbox_devices")).isNull();
        assertThat(records.events(carol, "message.failed")).isEmpty();
    }

    private static String commandId(String json) {
        return WafleetJson.mapper().readTree(json).path("command_id").asString();
    }
}
