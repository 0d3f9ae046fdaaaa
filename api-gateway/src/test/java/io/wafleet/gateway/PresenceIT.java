package io.wafleet.gateway;

import io.wafleet.common.command.ChatState;
import io.wafleet.common.command.Presence;
import io.wafleet.common.command.SendChatPresence;
import io.wafleet.common.command.SendPresence;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /send/presence} and {@code POST /send/chat-presence} against a real Kafka broker and a
 * MongoDB-wire server: each publishes its one command keyed by the account; bad input is a 4xx in the
 * envelope naming the field, and publishes nothing.
 */
class PresenceIT extends GatewayTestSupport {

    private static final String CHAT = "6281234567890";

    @Test
    void aPresencePublishesItsCommandKeyedByTheAccount() {
        createLinked("acc-presence");

        String online = queued("/send/presence", "presence queued", Map.of("account_id", "acc-presence", "type", "available"));
        String offline = queued("/send/presence", "presence queued", Map.of("account_id", "acc-presence", "type", "unavailable"));

        awaitCommand(online, SendPresence.class, c -> c.presence() == Presence.AVAILABLE);
        awaitCommand(offline, SendPresence.class, c -> c.presence() == Presence.UNAVAILABLE);
        assertThat(commandsOf("acc-presence")).hasSize(2);
    }

    @Test
    void aChatPresencePublishesItsCommandKeyedByTheAccount() {
        createLinked("acc-typing");
        Map<String, Object> body = Map.of("account_id", "acc-typing", "phone", CHAT, "action", "start");

        String start = queued("/send/chat-presence", "chat presence queued", body);
        String stop = queued("/send/chat-presence", "chat presence queued", with(with(body, "action", "stop"),
                "phone", "120363021234567890@g.us"));

        awaitCommand(start, SendChatPresence.class, c -> c.phone().equals(CHAT) && c.state() == ChatState.COMPOSING);
        awaitCommand(stop, SendChatPresence.class, c -> c.phone().equals("120363021234567890@g.us")
                && c.state() == ChatState.PAUSED);
        assertThat(commandsOf("acc-typing")).hasSize(2);
    }

    @Test
    void badInputIsRefusedInTheEnvelopeAndPublishesNothing() {
        createLinked("acc-bad-presence");
        Map<String, Object> presence = Map.of("account_id", "acc-bad-presence", "type", "available");
        Map<String, Object> typing = Map.of("account_id", "acc-bad-presence", "phone", CHAT, "action", "start");

        refused(400, "/send/presence", Map.of("type", "available"), "account_id");
        refused(400, "/send/presence", Map.of("account_id", "acc-bad-presence"), "type is required: available or unavailable");
        refused(400, "/send/presence", with(presence, "type", "online"), "type must be available or unavailable");
        refused(400, "/send/presence", with(presence, "type", "Available"), "type must be available or unavailable");
        refused(400, "/send/presence", with(presence, "type", 1), "type");
        refused(400, "/send/presence", with(presence, "type", List.of("available")), "type");
        refused(400, "/send/presence", with(presence, "account_id", Map.of("id", 1)), "account_id");
        refused(400, "/send/chat-presence", Map.of("account_id", "acc-bad-presence", "action", "start"), "phone is required");
        refused(400, "/send/chat-presence", with(typing, "phone", "+62 812"), "phone must be 8-15 digits");
        refused(400, "/send/chat-presence", with(typing, "phone", List.of(CHAT)), "phone");
        refused(400, "/send/chat-presence", Map.of("account_id", "acc-bad-presence", "phone", CHAT), "action is required: start or stop");
        refused(400, "/send/chat-presence", with(typing, "action", "composing"), "action must be start or stop");
        refused(400, "/send/chat-presence", with(typing, "action", true), "action");
        refused(400, "/send/chat-presence", with(typing, "account_id", "a b"), "account_id");
        for (String path : new String[]{"/send/presence", "/send/chat-presence"}) {
            for (String malformed : new String[]{"{\"account_id\":", "[]", "\"available\""}) {
                client.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(malformed).exchange()
                        .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("BAD_REQUEST");
            }
            client.post().uri(path).contentType(MediaType.TEXT_PLAIN).bodyValue("available").exchange()
                    .expectStatus().isEqualTo(415);
        }

        refused(404, "/send/presence", with(presence, "account_id", "ghost-presence"), "ghost-presence");
        refused(404, "/send/chat-presence", with(typing, "account_id", "ghost-presence"), "ghost-presence");
        create("acc-new-presence").expectStatus().isCreated();
        for (var request : List.of(Map.entry("/send/presence", with(presence, "account_id", "acc-new-presence")),
                Map.entry("/send/chat-presence", with(typing, "account_id", "acc-new-presence")))) {
            post(request.getKey(), request.getValue()).expectStatus().isEqualTo(409).expectBody()
                    .jsonPath("$.status").isEqualTo(409)
                    .jsonPath("$.code").isEqualTo("NOT_LOGGED_IN")
                    .jsonPath("$.message").value(message -> assertThat((String) message).contains("acc-new-presence"));
        }

        // commands of one account are in order on its partition: nothing refused came before this one
        String marker = queued("/send/presence", "presence queued", presence);
        awaitCommand(marker, SendPresence.class, c -> true);
        assertThat(commandsOf("acc-bad-presence")).singleElement().satisfies(c -> assertThat(c.commandId()).isEqualTo(marker));
        assertThat(commandsOf("acc-new-presence")).isEmpty();
        assertThat(commandsOf("ghost-presence")).isEmpty();
    }

    private String queued(String path, String message, Map<String, ?> body) {
        JsonNode answer = post(path, body).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(answer.get("status").asInt()).isEqualTo(200);
        assertThat(answer.get("code").asString()).isEqualTo("SUCCESS");
        assertThat(answer.get("message").asString()).isEqualTo(message);
        assertThat(answer.get("results").get("status").asString()).isEqualTo("queued");
        return answer.get("results").get("command_id").asString();
    }

}
