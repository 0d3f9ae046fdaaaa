package io.wafleet.session;

import io.wafleet.common.Topics;
import io.wafleet.common.json.WafleetJson;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The worker as other systems see it: a real KRaft broker and a MongoDB-wire server, commands
 * produced as plain JSON by a plain Kafka client, events, replies and dead letters read back.
 */
class SessionWorkerIT extends SessionWorkerITSupport {

    @LocalServerPort
    int port;

    @Test
    void logsInWithAQrScanSendsOnceAndReportsReceipts() {
        String account = newAccount();
        String phone = logIn(account);

        Document stored = mongo.findById(account, Document.class, "accounts");
        assertThat(stored.getString("status")).isEqualTo("logged_in");
        assertThat(stored.getString("phone_number")).isEqualTo(phone).matches("62\\d{10}");
        assertThat(stored.getString("device_id")).startsWith(phone + ":");
        assertThat(stored.getString("owner")).isNotBlank();
        assertThat(stored.get("last_connected")).isNotNull();
        assertThat(mongo.findById(account, Document.class, "session_credentials").toJson()).doesNotContain(phone);

        ProducedSend send = sendMessage(account, "3EB0" + hex(), "6281111111111", "hello");
        String messageId = send.messageId();
        await().atMost(WAIT).untilAsserted(() -> assertThat(receipts(account, messageId)).contains("delivered", "read"));
        assertThat(sentEvents(account, messageId)).hasSize(1);

        produce(account, send.json());
        await().atMost(WAIT).until(() -> sentEvents(account, messageId).size() >= 2);

        // a later send's read receipt comes after anything a second send of the first could have caused
        String marker = sendMessage(account, "3EB0" + hex(), "6281111111111", "marker").messageId();
        await().atMost(WAIT).untilAsserted(() -> assertThat(receipts(account, marker)).contains("read"));
        List<JsonNode> republished = sentEvents(account, messageId);
        assertThat(republished).hasSize(2);
        assertThat(republished.get(1).path("id").asString()).isEqualTo(republished.get(0).path("id").asString());
        assertThat(receipts(account, messageId)).containsExactly("sent", "delivered", "read");
        Document message = mongo.findById(messageId, Document.class, "messages");
        assertThat(message.getString("status")).isEqualTo("read");
        assertThat(message.getDate("sent_at")).isNotNull();
        assertThat(message.getDate("delivered_at")).isAfterOrEqualTo(message.getDate("sent_at"));
        assertThat(message.getDate("read_at")).isAfterOrEqualTo(message.getDate("delivered_at"));

        // a send the gateway recorded queued when it accepted it: the worker goes on from that record
        String accepted = "3EB0" + hex();
        Date acceptedAt = new Date();
        mongo.insert(new Document("_id", accepted).append("account_id", account).append("command_id", "accepted-by-gateway")
                .append("to", "6281111111111").append("type", "text").append("status", "queued")
                .append("created_at", acceptedAt).append("updated_at", acceptedAt), "messages");
        sendMessage(account, accepted, "6281111111111", "recorded first");
        await().atMost(WAIT).untilAsserted(() -> assertThat(receipts(account, accepted)).contains("read"));
        assertThat(sentEvents(account, accepted)).hasSize(1);
        assertThat(mongo.findById(accepted, Document.class, "messages"))
                .containsEntry("status", "read").containsEntry("created_at", acceptedAt);
    }

    @Test
    void anUnreadableCommandIsRejectedAndDeadLetteredWhileLaterCommandsRun() {
        String account = newAccount();
        byte[] garbage = "{not json at all".getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(Topics.COMMANDS, account, garbage));

        await().atMost(WAIT).untilAsserted(() -> assertThat(records.events(account, "command.rejected"))
                .singleElement().satisfies(e -> assertThat(e.path("payload").path("reason").asString()).startsWith("malformed command")));
        await().atMost(WAIT).untilAsserted(() -> assertThat(records.on(Topics.COMMANDS_DLT, r -> account.equals(r.key())))
                .singleElement().satisfies(r -> assertThat(r.value()).isEqualTo(garbage)));

        logIn(account);
    }

    @Test
    void aReadableCommandThatBreaksTheContractIsRejectedWithItsReasonAndNeverRuns() {
        String account = newAccount();
        logIn(account);
        long sendsBefore = records.events(account, "message.sent").size();
        String badPhone = sendMessage(account, "3EB0" + hex(), "+62 812", "to a malformed phone").json();
        String commandId = WafleetJson.mapper().readTree(badPhone).path("command_id").asString();

        await().atMost(WAIT).untilAsserted(() -> assertThat(records.events(account, "command.rejected"))
                .singleElement().satisfies(e -> {
                    assertThat(e.path("payload").path("command_id").asString()).isEqualTo(commandId);
                    assertThat(e.path("payload").path("reason").asString()).startsWith("invalid command: phone must be 8-15 digits");
                }));
        await().atMost(WAIT).untilAsserted(() -> assertThat(records.on(Topics.COMMANDS_DLT, r -> account.equals(r.key())))
                .singleElement().satisfies(r -> {
                    JsonNode dead = WafleetJson.mapper().readTree(r.value());
                    assertThat(dead.path("command_id").asString()).isEqualTo(commandId);
                    assertThat(dead.path("phone").asString()).isEqualTo("+62 812");
                }));
        String good = sendMessage(account, "3EB0" + hex(), "6281111111111", "after the rejected one").messageId();
        await().atMost(WAIT).untilAsserted(() -> assertThat(sentEvents(account, good)).hasSize(1));
        assertThat(records.events(account, "message.sent")).hasSize((int) sendsBefore + 1);
    }

    @Test
    void aSendToAnotherAccountsPhoneArrivesThereAsAMessage() {
        String alice = newAccount();
        String bob = newAccount();
        String alicePhone = logIn(alice);
        String bobPhone = logIn(bob);

        String messageId = sendMessage(alice, "3EB0" + hex(), bobPhone + "@s.whatsapp.net", "hi bob").messageId();

        await().atMost(WAIT).untilAsserted(() -> assertThat(records.events(bob, "message")).singleElement().satisfies(event -> {
            JsonNode payload = event.path("payload");
            assertThat(payload.path("id").asString()).isEqualTo(messageId);
            assertThat(payload.path("from").asString()).isEqualTo(alicePhone);
            assertThat(payload.path("chat_id").asString()).isEqualTo(alicePhone + "@s.whatsapp.net");
            assertThat(payload.path("body").asString()).isEqualTo("hi bob");
            assertThat(payload.path("is_from_me").asBoolean()).isFalse();
        }));
    }

    @Test
    void reconnectsFromTheStoredLoginAndAnExplicitLogoutLeavesNoDevice() {
        String account = newAccount();
        logIn(account);

        String reconnect = UUID.randomUUID().toString();
        produce(account, command("account.reconnect", account, replyTo(reconnect)));
        assertThat(awaitReply(reconnect).path("status").asString()).isEqualTo("logged_in");

        String logout = UUID.randomUUID().toString();
        produce(account, command("account.logout", account, replyTo(logout)));
        assertThat(awaitReply(logout).path("status").asString()).isEqualTo("disconnected");
        Document stored = mongo.findById(account, Document.class, "accounts");
        assertThat(stored.getString("status")).isEqualTo("disconnected");
        assertThat(stored.getString("device_id")).isNull();
        assertThat(mongo.findById(account, Document.class, "session_credentials")).isNull();

        String messageId = sendMessage(account, "3EB0" + hex(), "6281111111111", "after logout").messageId();
        await().atMost(WAIT).untilAsserted(() -> assertThat(records.events(account, "message.failed")).singleElement()
                .satisfies(e -> {
                    assertThat(e.path("payload").path("message_id").asString()).isEqualTo(messageId);
                    assertThat(e.path("payload").path("reason").asString()).isEqualTo("not_logged_in");
                }));
        String again = UUID.randomUUID().toString();
        produce(account, command("account.reconnect", account, replyTo(again)));
        assertThat(awaitReply(again).path("error").asString()).isEqualTo("not_logged_in");
    }

    @Test
    void readyOnceKafkaAndMongoAnswerAndItsSessionsAreRestored() throws Exception {
        await().atMost(WAIT).untilAsserted(() -> {
            HttpResponse<String> readiness = get("/actuator/health/readiness");
            assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
            JsonNode components = WafleetJson.mapper().readTree(readiness.body()).path("components");
            assertThat(components.path("mongo").path("status").asString()).isEqualTo("UP");
            assertThat(components.path("kafka").path("status").asString()).isEqualTo("UP");
            assertThat(components.path("sessions").path("status").asString()).isEqualTo("UP");
            assertThat(components.path("readinessState").path("status").asString()).isEqualTo("UP");
        });
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
