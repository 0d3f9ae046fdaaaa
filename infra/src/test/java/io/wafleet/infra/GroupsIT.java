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
 * Groups through the whole fleet on the embedded default: three sandbox accounts in one group. A message
 * to the group reaches the other members' webhooks in the group's chat; participant changes reach the
 * members as {@code group.participants}; a removed member no longer gets the group's messages nor may send
 * to it; a member that is no admin cannot change participants; a member that left is no longer listed.
 */
class GroupsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final FleetClient api = new FleetClient(TestFleet.shared().baseUrl());
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final Member alice = new Member("groups_alice_" + suffix);
    private final Member bob = new Member("groups_bob_" + suffix);
    private final Member carol = new Member("groups_carol_" + suffix);

    /** A fleet account with its phone number and webhook. */
    private static final class Member {
        final String id;
        final String phone = "628" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        WebhookReceiver hook;

        Member(String id) {
            this.id = id;
        }

        String jid() {
            return phone + "@s.whatsapp.net";
        }
    }

    @BeforeEach
    void logIn() {
        for (Member member : List.of(alice, bob, carol)) {
            member.hook = new WebhookReceiver();
            api.post("/accounts", Map.of("account_id", member.id)).expectStatus().isCreated();
            api.post("/accounts/" + member.id + "/webhook", Map.of("webhook_url", member.hook.url(), "secret", "s-" + member.id))
                    .expectStatus().isOk();
            api.post("/accounts/" + member.id + "/login-with-code", Map.of("phone_number", member.phone)).expectStatus().isOk();
            api.postEmpty("/sandbox/accounts/" + member.id + "/scan").expectStatus().isOk();
        }
        await().atMost(WAIT).untilAsserted(() -> {
            for (Member member : List.of(alice, bob, carol)) {
                api.get("/accounts/" + member.id).expectStatus().isOk().expectBody().jsonPath("$.results.status")
                        .isEqualTo("logged_in");
            }
        });
    }

    @AfterEach
    void closeHooks() {
        List.of(alice, bob, carol).forEach(member -> member.hook.close());
    }

    @Test
    void aGroupOfThreeFleetAccounts() {
        JsonNode created = ok(api.post("/group", Map.of("account_id", alice.id, "title", "Tim Jualan",
                "participants", List.of(bob.phone, carol.jid()))));
        String group = created.get("group_id").asString();
        assertThat(group).matches("120363\\d{12}@g\\.us");
        assertThat(created.get("participants").valueStream().map(p -> p.get("status").asString())).containsOnly("success");
        assertThat(roles(group)).containsExactly(alice.phone + " admin", bob.phone + " member", carol.phone + " member");
        assertThat(awaitGroupEvent(carol, "add").get("by").asString()).isEqualTo(alice.jid());

        String hello = api.sendText(alice.id, group, "Halo semua");
        for (Member member : List.of(bob, carol)) {
            JsonNode message = awaitMessage(member, hello);
            assertThat(message.get("chat_id").asString()).isEqualTo(group);
            assertThat(message.get("from").asString()).isEqualTo(alice.phone);
            assertThat(message.get("body").asString()).isEqualTo("Halo semua");
        }

        JsonNode removed = ok(api.post("/group/participants/remove", Map.of("account_id", alice.id, "group_id", group,
                "participants", List.of(carol.phone))));
        assertThat(removed.get(0).get("status").asString()).isEqualTo("success");
        JsonNode told = awaitGroupEvent(carol, "remove");
        assertThat(told.get("group_id").asString()).isEqualTo(group);
        assertThat(told.get("participants").valueStream().map(JsonNode::asString)).containsExactly(carol.jid());
        assertThat(told.get("by").asString()).isEqualTo(alice.jid());
        String afterRemoval = api.sendText(alice.id, group, "Carol is out");
        awaitMessage(bob, afterRemoval);
        String refused = api.sendText(carol.id, group, "let me back in");
        assertThat(awaitEvent(carol, "message.failed", refused).get("reason").asString()).isEqualTo("not_member");

        api.post("/group/participants", Map.of("account_id", bob.id, "group_id", group, "participants", List.of(carol.phone)))
                .expectStatus().isForbidden().expectBody()
                .jsonPath("$.status").isEqualTo(403)
                .jsonPath("$.code").isEqualTo("NOT_GROUP_ADMIN")
                .jsonPath("$.message").value(message -> assertThat((String) message).contains("admin"));

        ok(api.post("/group/leave", Map.of("account_id", bob.id, "group_id", group)));
        assertThat(roles(group)).containsExactly(alice.phone + " admin");
        assertThat(awaitGroupEvent(alice, "leave").get("participants").get(0).asString()).isEqualTo(bob.jid());
        api.get("/group/info?account_id=" + bob.id + "&group_id=" + group).expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_GROUP_MEMBER");

        assertThat(carol.hook.events("message")).extracting(e -> e.get("payload").get("id").asString()).containsExactly(hello);
        assertThat(alice.hook.events("message")).isEmpty();
    }

    /** Each participant of the group as {@code <phone> admin|member}, as its first member sees it. */
    private List<String> roles(String group) {
        JsonNode info = ok(api.get("/group/info?account_id=" + alice.id + "&group_id=" + group));
        assertThat(info.get("group_id").asString()).isEqualTo(group);
        assertThat(info.get("subject").asString()).isEqualTo("Tim Jualan");
        assertThat(info.get("owner").asString()).isEqualTo(alice.jid());
        assertThat(info.get("created_at").asString()).isNotBlank();
        return info.get("participants").valueStream().map(p -> p.get("phone_number").asString()
                + (p.get("is_admin").asBoolean() ? " admin" : " member")).toList();
    }

    private JsonNode ok(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response) {
        JsonNode answer = response.expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(answer.get("code").asString()).isEqualTo("SUCCESS");
        return answer.get("results");
    }

    private static JsonNode awaitMessage(Member member, String messageId) {
        return await().atMost(WAIT).until(() -> member.hook.events("message").stream().map(e -> e.get("payload"))
                .filter(p -> p.get("id").asString().equals(messageId)).findFirst().orElse(null), p -> p != null);
    }

    private static JsonNode awaitEvent(Member member, String type, String messageId) {
        return await().atMost(WAIT).until(() -> member.hook.events(type).stream().map(e -> e.get("payload"))
                .filter(p -> p.get("message_id").asString().equals(messageId)).findFirst().orElse(null), p -> p != null);
    }

    private static JsonNode awaitGroupEvent(Member member, String action) {
        return await().atMost(WAIT).until(() -> member.hook.events("group.participants").stream().map(e -> e.get("payload"))
                .filter(p -> p.get("action").asString().equals(action)).findFirst().orElse(null), p -> p != null);
    }
}
