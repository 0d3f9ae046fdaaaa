package io.wafleet.gateway;

import io.wafleet.common.command.Command;
import io.wafleet.common.command.CreateGroup;
import io.wafleet.common.command.GetGroupInfo;
import io.wafleet.common.command.LeaveGroup;
import io.wafleet.common.command.ParticipantAction;
import io.wafleet.common.command.UpdateGroupParticipants;
import io.wafleet.common.command.SendMessage;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static io.wafleet.gateway.FakeSessionWorker.CREATED_GROUP;
import static io.wafleet.gateway.FakeSessionWorker.MISSING_GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The group endpoints against a real Kafka broker and a MongoDB-wire server, the {@link FakeSessionWorker}
 * answering for the account's session: each publishes its one command keyed by the account, with a
 * {@code reply_to}, and answers with what the worker replied; WhatsApp's refusals are 403/404; bad input
 * is a 4xx in the envelope naming the field, and publishes nothing.
 */
class GroupsIT extends GatewayTestSupport {

    private static final String GROUP = "120363021234567890@g.us";
    private static final String BUDI = "6289876543210";

    @Test
    void creatingAGroupPublishesGroupCreateAndAnswersItsIdAndEachParticipant() {
        createLinked("acc-group-create");

        JsonNode answer = ok(post("/group", Map.of("account_id", "acc-group-create", "title", "Tim Jualan",
                "participants", List.of(BUDI, "6281111111111@s.whatsapp.net", "081234567890"))));

        assertThat(answer.get("message").asString()).isEqualTo("group " + CREATED_GROUP + " created");
        assertThat(answer.get("results").get("group_id").asString()).isEqualTo(CREATED_GROUP);
        assertThat(answer.get("results").get("participants").valueStream()
                .map(p -> p.get("participant").asString() + " " + p.get("status").asString() + " " + p.path("reason").asString("")))
                .containsExactly(BUDI + "@s.whatsapp.net success ", "6281111111111@s.whatsapp.net success ",
                        "081234567890@s.whatsapp.net error not_on_whatsapp");
        awaitCommandOf("acc-group-create", CreateGroup.class, c -> c.subject().equals("Tim Jualan")
                && c.participants().equals(List.of(BUDI, "6281111111111@s.whatsapp.net", "081234567890")) && c.replyTo() != null);
    }

    @Test
    void infoAnswersTheGroupWithItsParticipantsAndTheirRoles() {
        createLinked("acc-group-info");

        JsonNode results = ok(client.get().uri("/group/info?account_id=acc-group-info&group_id=" + GROUP).exchange())
                .get("results");

        assertThat(results.get("group_id").asString()).isEqualTo(GROUP);
        assertThat(results.get("subject").asString()).isEqualTo("Fake group");
        assertThat(results.get("owner").asString()).isEqualTo("6281234567890@s.whatsapp.net");
        assertThat(results.get("created_at").asString()).isEqualTo("2026-11-26T10:15:30Z");
        assertThat(results.get("participants").valueStream().map(p -> p.get("phone_number").asString() + " "
                + p.get("is_admin").asBoolean() + " " + p.get("is_super_admin").asBoolean()))
                .containsExactly("6281234567890 true true", BUDI + " false false");
        awaitCommandOf("acc-group-info", GetGroupInfo.class, c -> c.groupId().equals(GROUP) && c.replyTo() != null);
    }

    @Test
    void eachParticipantRoutePublishesItsAction() {
        createLinked("acc-group-members");
        Map<String, ParticipantAction> routes = Map.of("/group/participants", ParticipantAction.ADD,
                "/group/participants/remove", ParticipantAction.REMOVE, "/group/participants/promote", ParticipantAction.PROMOTE,
                "/group/participants/demote", ParticipantAction.DEMOTE);

        routes.forEach((path, action) -> {
            JsonNode answer = ok(post(path, Map.of("account_id", "acc-group-members", "group_id", GROUP,
                    "participants", List.of(BUDI, "0812345678"))));
            assertThat(answer.get("message").asString()).startsWith("1 of 2 participants ").endsWith(GROUP);
            assertThat(answer.get("results").valueStream().map(r -> r.get("status").asString())).containsExactly("success", "error");
            awaitCommandOf("acc-group-members", UpdateGroupParticipants.class, c -> c.action() == action
                    && c.groupId().equals(GROUP) && c.participants().equals(List.of(BUDI, "0812345678")));
        });
        assertThat(commandsOf("acc-group-members")).hasSize(4);
    }

    @Test
    void leavingPublishesGroupLeave() {
        createLinked("acc-group-leave");

        JsonNode answer = ok(post("/group/leave", Map.of("account_id", "acc-group-leave", "group_id", GROUP)));

        assertThat(answer.get("message").asString()).isEqualTo("left group " + GROUP);
        awaitCommandOf("acc-group-leave", LeaveGroup.class, c -> c.groupId().equals(GROUP));
    }

    @Test
    void whatWhatsAppRefusesIsAClear4xx() {
        createLinked("member-group");
        createLinked("outsider-group");
        Map<String, Object> add = Map.of("account_id", "member-group", "group_id", GROUP, "participants", List.of(BUDI));

        refused(403, "NOT_GROUP_ADMIN", post("/group/participants", add), "not_admin");
        refused(403, "NOT_GROUP_MEMBER", post("/group/leave", Map.of("account_id", "outsider-group", "group_id", GROUP)),
                "not_member");
        refused(403, "NOT_GROUP_MEMBER", client.get().uri("/group/info?account_id=outsider-group&group_id=" + GROUP).exchange(),
                "not_member");
        refused(404, "NOT_FOUND", post("/group/participants/remove", with(add, "group_id", MISSING_GROUP)), "group_not_found");
        refused(404, "NOT_FOUND", post("/group/participants", with(add, "account_id", "ghost-group")), "ghost-group");
        create("acc-group-new").expectStatus().isCreated();
        refused(409, "NOT_LOGGED_IN", post("/group", Map.of("account_id", "acc-group-new", "title", "T",
                "participants", List.of(BUDI))), "acc-group-new");
        assertThat(commandsOf("acc-group-new")).isEmpty();
        assertThat(commandsOf("ghost-group")).isEmpty();
    }

    @Test
    void badInputIsRefusedInTheEnvelopeAndPublishesNothing() {
        createLinked("acc-group-bad");
        Map<String, Object> create = Map.of("account_id", "acc-group-bad", "title", "Team", "participants", List.of(BUDI));
        Map<String, Object> change = Map.of("account_id", "acc-group-bad", "group_id", GROUP, "participants", List.of(BUDI));

        refused(400, "BAD_REQUEST", post("/group", Map.of("account_id", "acc-group-bad", "participants", List.of(BUDI))),
                "title is required");
        refused(400, "BAD_REQUEST", post("/group", with(create, "title", "x".repeat(101))), "title must be at most 100");
        refused(400, "BAD_REQUEST", post("/group", with(create, "participants", List.of())), "participants is required");
        refused(400, "BAD_REQUEST", post("/group", with(create, "participants", BUDI)), "participants");
        refused(400, "BAD_REQUEST", post("/group", with(create, "participants", List.of(GROUP))), "participants must all be");
        refused(400, "BAD_REQUEST", post("/group", with(create, "participants", List.of("+62 812"))), "'+62 812'");
        refused(400, "BAD_REQUEST", post("/group", with(create, "participants", java.util.Collections.nCopies(1024, BUDI))),
                "participants must have at most 1023");
        refused(400, "BAD_REQUEST", post("/group/participants", with(change, "group_id", BUDI)), "group_id must be");
        refused(400, "BAD_REQUEST", post("/group/participants/promote", Map.of("account_id", "acc-group-bad",
                "participants", List.of(BUDI))), "group_id is required");
        refused(400, "BAD_REQUEST", post("/group/participants/demote", with(change, "participants", null)), "participants");
        refused(400, "BAD_REQUEST", post("/group/leave", Map.of("account_id", "acc-group-bad")), "group_id is required");
        refused(400, "BAD_REQUEST", post("/group/leave", Map.of("group_id", GROUP)), "account_id");
        refused(400, "BAD_REQUEST", client.get().uri("/group/info?account_id=acc-group-bad").exchange(), "group_id is required");
        refused(400, "BAD_REQUEST", client.get().uri("/group/info?account_id=acc-group-bad&group_id=" + BUDI).exchange(),
                "group_id must be");
        refused(400, "BAD_REQUEST", client.get().uri("/group/info?group_id=" + GROUP).exchange(), "account_id");
        client.post().uri("/group").contentType(MediaType.TEXT_PLAIN).bodyValue("Team").exchange().expectStatus().isEqualTo(415);
        client.get().uri("/group").exchange().expectStatus().isEqualTo(405);

        // commands of one account are in order on its partition: nothing refused came before this send
        String marker = resultField(post("/send/message", Map.of("account_id", "acc-group-bad", "phone", GROUP,
                "message", "last")).expectStatus().isOk().expectBody().returnResult().getResponseBody(), "message_id");
        awaitCommandOf("acc-group-bad", SendMessage.class, c -> c.messageId().equals(marker));
        assertThat(commandsOf("acc-group-bad")).singleElement().isInstanceOf(SendMessage.class);
    }

    private JsonNode ok(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response) {
        JsonNode answer = response.expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(answer.get("status").asInt()).isEqualTo(200);
        assertThat(answer.get("code").asString()).isEqualTo("SUCCESS");
        return answer;
    }

    /** Waits for a command of this type for the account (the fake worker answers it: its id is not known here). */
    private <C extends Command> void awaitCommandOf(String account, Class<C> type, Predicate<C> matches) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(worker.commands).anySatisfy(seen -> {
            assertThat(seen.key()).isEqualTo(account);
            assertThat(seen.value()).isInstanceOf(type);
            C command = type.cast(seen.value());
            assertThat(command.accountId().value()).isEqualTo(account);
            assertThat(command.schemaVersion()).isEqualTo(1);
            assertThat(matches.test(command)).isTrue();
        }));
    }

    private static void refused(int status, String code,
                                org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response, String named) {
        response.expectStatus().isEqualTo(status).expectBody()
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.code").isEqualTo(code)
                .jsonPath("$.message").value(message -> assertThat((String) message).contains(named));
    }
}
