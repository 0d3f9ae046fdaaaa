package io.wafleet.gateway;

import io.wafleet.common.command.DeleteMessage;
import io.wafleet.common.command.EditMessage;
import io.wafleet.common.command.ForwardMessage;
import io.wafleet.common.command.MarkMessageRead;
import io.wafleet.common.command.MessageCommand;
import io.wafleet.common.command.ReactToMessage;
import io.wafleet.common.command.RevokeMessage;
import io.wafleet.common.command.StarMessage;
import io.wafleet.common.command.UnstarMessage;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The message actions ({@code POST /message/{message_id}/...}) against a real Kafka broker (KRaft) and a
 * MongoDB-wire server: each publishes its one command keyed by the account; bad input is a 4xx in the
 * envelope and publishes nothing.
 */
class MessageActionsIT extends GatewayTestSupport {

    private static final String MESSAGE = "3EB0AB12CD34EF560001";
    private static final String CHAT = "6281234567890";

    @Test
    void eachActionPublishesItsCommandKeyedByTheAccount() {
        createLinked("acc-act");
        Map<String, Object> body = Map.of("account_id", "acc-act", "phone", CHAT);

        String react = queued("reaction", with(body, "emoji", "\uD83D\uDC4D"));
        String unreact = queued("reaction", with(body, "emoji", ""));
        String revoke = queued("revoke", body);
        String delete = queued("delete", Map.of("account_id", "acc-act", "phone", CHAT + "@s.whatsapp.net"));
        String edit = queued("update", with(body, "message", "fixed the typo"));
        String read = queued("read", body);
        String star = queued("star", body);
        String unstar = queued("unstar", body);

        awaitAction(react, ReactToMessage.class, c -> c.emoji().equals("\uD83D\uDC4D"));
        awaitAction(unreact, ReactToMessage.class, c -> c.emoji().isEmpty());
        awaitAction(revoke, RevokeMessage.class, c -> true);
        awaitAction(delete, DeleteMessage.class, c -> c.phone().equals(CHAT + "@s.whatsapp.net"));
        awaitAction(edit, EditMessage.class, c -> c.message().equals("fixed the typo"));
        awaitAction(read, MarkMessageRead.class, c -> true);
        awaitAction(star, StarMessage.class, c -> true);
        awaitAction(unstar, UnstarMessage.class, c -> true);
        assertThat(commandsOf("acc-act")).hasSize(8);
    }

    @Test
    void aForwardIsASendOfANewMessageWhoseStatusCanBeRead() {
        createLinked("acc-fwd");

        JsonNode results = post("/message/" + MESSAGE + "/forward", Map.of("account_id", "acc-fwd", "phone", CHAT,
                "to", "120363021234567890@g.us"))
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("results");

        String forwardedId = results.get("forwarded_message_id").asString();
        assertThat(forwardedId).matches("3EB0[0-9A-F]{16}");
        assertThat(results.get("message_id").asString()).isEqualTo(MESSAGE);
        assertThat(results.get("status").asString()).isEqualTo("queued");
        awaitAction(results.get("command_id").asString(), ForwardMessage.class, c -> c.to().equals("120363021234567890@g.us")
                && c.forwardedMessageId().equals(forwardedId));
        client.get().uri("/messages/" + forwardedId).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.results.status").isEqualTo("queued")
                .jsonPath("$.results.to").isEqualTo("120363021234567890@g.us");
    }

    @Test
    void badInputIsRefusedInTheEnvelopeAndPublishesNothing() {
        createLinked("acc-bad-act");
        Map<String, Object> body = Map.of("account_id", "acc-bad-act", "phone", CHAT);

        refused(400, "/message/" + MESSAGE + "/revoke", Map.of("phone", CHAT), "account_id");
        refused(400, "/message/" + MESSAGE + "/revoke", Map.of("account_id", "acc-bad-act"), "phone");
        refused(400, "/message/" + MESSAGE + "/revoke", with(body, "phone", "+62 812"), "phone");
        refused(400, "/message/" + MESSAGE + "/revoke", with(body, "phone", "abc@s.whatsapp.net"), "phone");
        refused(400, "/message/" + MESSAGE + "/revoke", with(body, "account_id", "a b"), "account_id");
        refused(400, "/message/" + MESSAGE + "/star", with(body, "phone", List.of(CHAT)), "phone");
        refused(400, "/message/" + MESSAGE + "/star", with(body, "account_id", Map.of("id", 1)), "account_id");
        refused(400, "/message/not.an.id/read", body, "message id");
        refused(400, "/message/" + "A".repeat(129) + "/read", body, "message id");
        refused(400, "/message/" + MESSAGE + "/reaction", body, "emoji");
        refused(400, "/message/" + MESSAGE + "/reaction", with(body, "emoji", " "), "emoji");
        refused(400, "/message/" + MESSAGE + "/reaction", with(body, "emoji", "\uD83D\uDC4D".repeat(17)), "emoji");
        refused(400, "/message/" + MESSAGE + "/update", body, "message");
        refused(400, "/message/" + MESSAGE + "/update", with(body, "message", "x".repeat(65_537)), "message");
        refused(400, "/message/" + MESSAGE + "/forward", body, "to");
        refused(400, "/message/" + MESSAGE + "/forward", with(body, "to", "12345"), "to");
        for (String malformed : new String[]{"{\"account_id\":", "[]", "\"text\""}) {
            client.post().uri("/message/" + MESSAGE + "/revoke").contentType(MediaType.APPLICATION_JSON).bodyValue(malformed)
                    .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("BAD_REQUEST");
        }
        client.post().uri("/message/" + MESSAGE + "/revoke").contentType(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("BAD_REQUEST");
        client.post().uri("/message/" + MESSAGE + "/revoke").contentType(MediaType.TEXT_PLAIN).bodyValue("revoke")
                .exchange().expectStatus().isEqualTo(415);
        client.get().uri("/message/" + MESSAGE + "/revoke").exchange().expectStatus().isEqualTo(405);
        client.post().uri("/message/" + MESSAGE + "/pin").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");

        refused(404, "/message/" + MESSAGE + "/revoke", with(body, "account_id", "ghost-act"), "ghost-act");
        post("/accounts", Map.of("account_id", "acc-new-act")).expectStatus().isCreated();
        post("/message/" + MESSAGE + "/read", with(body, "account_id", "acc-new-act")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("NOT_LOGGED_IN");
        post("/message/" + MESSAGE + "/forward", Map.of("account_id", "acc-new-act", "phone", CHAT, "to", CHAT))
                .expectStatus().isEqualTo(409);
        assertThat(mongo.count(Query.query(where("account_id").is("acc-new-act")), "messages").block()).isZero();

        // commands of one account are in order on its partition: nothing refused came before this one
        String marker = queued("star", body);
        awaitAction(marker, StarMessage.class, c -> true);
        assertThat(commandsOf("acc-bad-act")).singleElement().satisfies(c -> assertThat(c.commandId()).isEqualTo(marker));
        assertThat(commandsOf("acc-new-act")).isEmpty();
        assertThat(commandsOf("ghost-act")).isEmpty();
    }

    private String queued(String action, Map<String, ?> body) {
        JsonNode answer = post("/message/" + MESSAGE + "/" + action, body).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(answer.get("code").asString()).isEqualTo("SUCCESS");
        assertThat(answer.get("message").asString()).isEqualTo(action + " queued");
        JsonNode results = answer.get("results");
        assertThat(results.get("message_id").asString()).isEqualTo(MESSAGE);
        assertThat(results.get("status").asString()).isEqualTo("queued");
        return results.get("command_id").asString();
    }

    /** {@link GatewayTestSupport#awaitCommand} for an action on {@link #MESSAGE}. */
    private static <C extends MessageCommand> void awaitAction(String commandId, Class<C> type, Predicate<C> matches) {
        awaitCommand(commandId, type, command -> command.messageId().equals(MESSAGE) && matches.test(command));
    }

}
