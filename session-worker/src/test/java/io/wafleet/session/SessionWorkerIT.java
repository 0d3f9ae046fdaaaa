package io.wafleet.session;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.wafleet.common.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The worker as other systems see it: a real KRaft broker and a MongoDB-wire server, commands
 * produced as plain JSON by a plain Kafka client, events, replies and dead letters read back.
 */
@SpringBootTest(classes = SessionWorkerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.config.name=" + SessionWorkerApplication.CONFIG_NAME,
                "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "wafleet.kafka.partitions=4",
                "wafleet.kafka.concurrency=1",
                "wafleet.kafka.retry-interval=100ms",
                "wafleet.credentials.master-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                "wafleet.sandbox.receipts.sent=0s",
                "wafleet.sandbox.receipts.delivered=50ms",
                "wafleet.sandbox.receipts.read=100ms"})
@EmbeddedKafka(partitions = 4)
class SessionWorkerIT {

    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final InetSocketAddress MONGO_ADDRESS = MONGO.bind();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static KafkaRecords records;
    private static KafkaProducer<String, byte[]> producer;

    @Autowired
    MongoTemplate mongo;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + MONGO_ADDRESS.getPort() + "/wafleet");
    }

    @BeforeEach
    void connect() {
        if (records == null) {
            records = new KafkaRecords(brokers, Topics.EVENTS, Topics.REPLIES, Topics.COMMANDS_DLT);
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                    new StringSerializer(), new ByteArraySerializer());
        }
    }

    @AfterAll
    static void disconnect() throws InterruptedException {
        if (records != null) {
            producer.close();
            records.close();
        }
        MONGO.shutdownNow();
    }

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
        assertThat(mongo.findById(messageId, Document.class, "messages").getString("status")).isEqualTo("sent");
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
    void healthIsUpWithMongoCheckedByPing() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    /** Logs the account in by QR and a sandbox scan; answers its phone number. */
    private String logIn(String account) {
        String loginReply = UUID.randomUUID().toString();
        produce(account, command("account.login", account, replyTo(loginReply)));
        JsonNode qr = awaitReply(loginReply);
        assertThat(qr.path("status").asString()).isEqualTo("scan_qr");
        assertThat(qr.path("qr_code").asString()).startsWith("2@");
        assertThat(qr.path("qr_duration").asInt()).isEqualTo(60);
        assertThat(records.events(account, "session.qr")).hasSize(1);

        String scanReply = UUID.randomUUID().toString();
        produce(account, command("sandbox.scan", account, replyTo(scanReply)));
        assertThat(awaitReply(scanReply).path("status").asString()).isEqualTo("logged_in");
        await().atMost(WAIT).until(() -> records.events(account, "session.status").stream()
                .anyMatch(e -> e.path("payload").path("status").asString().equals("logged_in")));
        return records.events(account, "session.status").stream().map(e -> e.path("payload"))
                .filter(p -> p.path("status").asString().equals("logged_in")).findFirst().orElseThrow()
                .path("phone_number").asString();
    }

    private record ProducedSend(String json, String messageId) {
    }

    private ProducedSend sendMessage(String account, String messageId, String phone, String text) {
        String json = command("send.message", account,
                "\"message_id\":\"" + messageId + "\",\"phone\":\"" + phone + "\",\"message\":\"" + text + "\"");
        produce(account, json);
        return new ProducedSend(json, messageId);
    }

    private List<JsonNode> sentEvents(String account, String messageId) {
        return records.events(account, "message.sent").stream()
                .filter(e -> e.path("payload").path("message_id").asString().equals(messageId)).toList();
    }

    private List<String> receipts(String account, String messageId) {
        return records.events(account, "message.ack").stream().map(e -> e.path("payload"))
                .filter(p -> p.path("ids").get(0).asString().equals(messageId))
                .map(p -> p.path("receipt_type").asString()).toList();
    }

    private JsonNode awaitReply(String correlationId) {
        return await().atMost(WAIT).until(() -> records.on(Topics.REPLIES, r -> "gw-it".equals(r.key())).stream()
                .map(KafkaRecords.Received::json)
                .filter(reply -> correlationId.equals(reply.path("correlation_id").asString()))
                .findFirst().orElse(null), reply -> reply != null);
    }

    private String newAccount() {
        String account = "acct-" + hex().substring(0, 8);
        mongo.insert(new Document("_id", account).append("status", "disconnected").append("created_at", Instant.now()), "accounts");
        return account;
    }

    private static String replyTo(String correlationId) {
        return "\"reply_to\":{\"instance\":\"gw-it\",\"correlation_id\":\"" + correlationId + "\"}";
    }

    private static String command(String type, String account, String fields) {
        return "{\"type\":\"" + type + "\",\"command_id\":\"" + UUID.randomUUID() + "\",\"account_id\":\"" + account
                + "\",\"schema_version\":1," + fields + "}";
    }

    private static void produce(String account, String json) {
        producer.send(new ProducerRecord<>(Topics.COMMANDS, account, json.getBytes(StandardCharsets.UTF_8)));
        producer.flush();
    }

    private static String hex() {
        return UUID.randomUUID().toString().replace("-", "").toUpperCase().substring(0, 16);
    }
}
