package io.wafleet.session;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.wafleet.common.Topics;
import io.wafleet.common.json.WafleetJson;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code json-logs} profile: the worker logs one JSON object a line, and what it logs while it
 * handles a command carries the command's {@code account_id} and {@code command_id}; a line logged
 * outside any command carries neither (the context is cleared after each record).
 */
@SpringBootTest(classes = SessionWorkerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.config.name=" + SessionWorkerApplication.CONFIG_NAME,
                "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "wafleet.worker-id=json-logs-worker",
                "wafleet.kafka.partitions=2",
                "wafleet.kafka.concurrency=1",
                "wafleet.credentials.master-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="})
@EmbeddedKafka(partitions = 2)
@ActiveProfiles("json-logs")
@ExtendWith(OutputCaptureExtension.class)
class JsonLogsIT {

    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final String MONGO_URI = "mongodb://127.0.0.1:" + MONGO.bind().getPort() + "/wafleet";

    @Autowired
    MongoTemplate mongo;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO_URI);
    }

    @AfterAll
    static void stop() {
        MONGO.shutdownNow();
    }

    @Test
    void linesLoggedWhileHandlingACommandAreJsonWithItsAccountAndCommandIds(CapturedOutput output) {
        String account = "acct-json-" + UUID.randomUUID().toString().substring(0, 8);
        mongo.insert(new Document("_id", account).append("status", "disconnected").append("created_at", Instant.now()),
                "accounts");
        String commandId = UUID.randomUUID().toString();

        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.COMMANDS, account, "{\"type\":\"account.login\",\"command_id\":\""
                    + commandId + "\",\"account_id\":\"" + account + "\",\"schema_version\":1}"));
        }

        List<JsonNode> lines = await().atMost(Duration.ofSeconds(30)).until(() -> jsonLines(output).stream()
                .filter(line -> account.equals(line.path("account_id").asString(null))).toList(), found -> !found.isEmpty());
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.path("command_id").asString()).isEqualTo(commandId);
            assertThat(line.has("@timestamp")).isTrue();
            assertThat(line.path("message").asString()).isNotBlank();
        });
        assertThat(output.getOut().lines().filter(line -> line.contains(account)))
                .as("every line about the account is a JSON object").allSatisfy(line -> assertThat(line).startsWith("{"));
        assertThat(jsonLines(output)).as("no line outside the command carries its ids")
                .filteredOn(line -> line.path("message").asString().startsWith("Assigned command partitions"))
                .isNotEmpty().allSatisfy(line -> assertThat(line.has("account_id")).isFalse());
    }

    private static List<JsonNode> jsonLines(CapturedOutput output) {
        return output.getOut().lines().filter(line -> line.startsWith("{"))
                .map(line -> WafleetJson.mapper().readTree(line)).toList();
    }
}
