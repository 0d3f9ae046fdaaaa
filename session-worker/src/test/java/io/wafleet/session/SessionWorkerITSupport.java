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
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the worker ITs share: one worker context (cached by Spring across the IT classes, with its
 * KRaft broker), one MongoDB-wire server for the whole run, a plain Kafka producer of commands and a
 * plain consumer of what the worker publishes. Leases, keepalives and reconnects are shortened so
 * that expiry and recovery take a few seconds.
 */
@SpringBootTest(classes = SessionWorkerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.config.name=" + SessionWorkerApplication.CONFIG_NAME,
                "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "wafleet.worker-id=" + SessionWorkerITSupport.WORKER,
                "wafleet.kafka.partitions=4",
                "wafleet.kafka.concurrency=1",
                "wafleet.kafka.retry-interval=100ms",
                "wafleet.credentials.master-key=" + SessionWorkerITSupport.MASTER_KEY,
                "wafleet.leases.duration=3s",
                "wafleet.leases.renew-interval=500ms",
                "wafleet.leases.safety-margin=1s",
                "wafleet.sessions.reconnect.initial-interval=100ms",
                "wafleet.sandbox.receipts.sent=0s",
                "wafleet.sandbox.receipts.delivered=50ms",
                "wafleet.sandbox.receipts.read=100ms"})
@EmbeddedKafka(partitions = 4)
abstract class SessionWorkerITSupport {

    static final String WORKER = "worker-one";
    static final String MASTER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    static final Duration WAIT = Duration.ofSeconds(30);
    /** Shared by every IT class of the run, like the cached context that points at it; gone with the JVM. */
    static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    static final InetSocketAddress MONGO_ADDRESS = MONGO.bind();

    static KafkaRecords records;
    static KafkaProducer<String, byte[]> producer;

    @Autowired
    MongoTemplate mongo;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", SessionWorkerITSupport::mongoUri);
    }

    static String mongoUri() {
        return "mongodb://127.0.0.1:" + MONGO_ADDRESS.getPort() + "/wafleet";
    }

    @BeforeEach
    void connect() {
        synchronized (SessionWorkerITSupport.class) {
            if (records == null) {
                records = new KafkaRecords(brokers, Topics.EVENTS, Topics.REPLIES, Topics.COMMANDS_DLT);
                producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                        new StringSerializer(), new ByteArraySerializer());
            }
        }
    }

    /** Logs the account in by QR and a sandbox scan; answers its phone number. */
    String logIn(String account) {
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

    record ProducedSend(String json, String messageId) {
    }

    ProducedSend sendMessage(String account, String messageId, String phone, String text) {
        String json = command("send.message", account,
                "\"message_id\":\"" + messageId + "\",\"phone\":\"" + phone + "\",\"message\":\"" + text + "\"");
        produce(account, json);
        return new ProducedSend(json, messageId);
    }

    List<JsonNode> sentEvents(String account, String messageId) {
        return records.events(account, "message.sent").stream()
                .filter(e -> e.path("payload").path("message_id").asString().equals(messageId)).toList();
    }

    List<String> receipts(String account, String messageId) {
        return records.events(account, "message.ack").stream().map(e -> e.path("payload"))
                .filter(p -> p.path("ids").get(0).asString().equals(messageId))
                .map(p -> p.path("receipt_type").asString()).toList();
    }

    JsonNode awaitReply(String correlationId) {
        return await().atMost(WAIT).until(() -> records.on(Topics.REPLIES, r -> "gw-it".equals(r.key())).stream()
                .map(KafkaRecords.Received::json)
                .filter(reply -> correlationId.equals(reply.path("correlation_id").asString()))
                .findFirst().orElse(null), reply -> reply != null);
    }

    String newAccount() {
        String account = "acct-" + hex().substring(0, 8);
        mongo.insert(new Document("_id", account).append("status", "disconnected").append("created_at", Instant.now()), "accounts");
        return account;
    }

    static String replyTo(String correlationId) {
        return "\"reply_to\":{\"instance\":\"gw-it\",\"correlation_id\":\"" + correlationId + "\"}";
    }

    static String command(String type, String account, String fields) {
        return "{\"type\":\"" + type + "\",\"command_id\":\"" + UUID.randomUUID() + "\",\"account_id\":\"" + account
                + "\",\"schema_version\":1," + fields + "}";
    }

    static void produce(String account, String json) {
        producer.send(new ProducerRecord<>(Topics.COMMANDS, account, json.getBytes(StandardCharsets.UTF_8)));
        producer.flush();
    }

    static String hex() {
        return UUID.randomUUID().toString().replace("-", "").toUpperCase().substring(0, 16);
    }

    /** The account's {@code session.status} events as {@code status} or {@code status:reason}, in order. */
    static List<String> statuses(String account) {
        return records.events(account, "session.status").stream().map(e -> e.path("payload"))
                .map(p -> p.path("reason").isNull() || p.path("reason").isMissingNode() ? p.path("status").asString()
                        : p.path("status").asString() + ":" + p.path("reason").asString())
                .toList();
    }

    /** Produces a command that a gateway would wait for and answers the worker's reply. */
    JsonNode call(String type, String account, String fields) {
        String correlationId = UUID.randomUUID().toString();
        String extra = fields.isEmpty() ? "" : fields + ",";
        produce(account, command(type, account, extra + replyTo(correlationId)));
        return awaitReply(correlationId);
    }
}
