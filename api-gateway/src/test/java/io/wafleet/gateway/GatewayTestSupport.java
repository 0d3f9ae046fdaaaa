package io.wafleet.gateway;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.wafleet.common.command.Command;
import io.wafleet.common.crypto.KeyRing;
import io.wafleet.common.crypto.SealedField;
import io.wafleet.common.crypto.SecretCipher;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The gateway as its integration tests run it: the whole application on a random port, against a
 * real Kafka broker (KRaft, one per test class) and a MongoDB-wire server (one per test JVM, so
 * tests use their own account ids), with a {@link FakeSessionWorker} reading what it publishes.
 * Image limits are small (64 KB) so that size limits can be tested cheaply; the send budget is large,
 * so that only the tests of it meet it.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + GatewayApplication.CONFIG_NAME,
        "wafleet.kafka.partitions=2",
        "wafleet.gateway.reply-timeout=3s",
        "wafleet.media.max-size.image=64KB",
        "wafleet.media.max-size.sticker=16KB",
        "wafleet.webhook.redeliver-batch-size=2",
        "wafleet.limits.sends-per-account=1000",
        "wafleet.credentials.master-key=" + GatewayTestSupport.MASTER_KEY})
@EmbeddedKafka(partitions = 2, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
abstract class GatewayTestSupport {

    /** The master key the gateway seals webhook secrets with in these tests (base64 of 32 bytes). */
    protected static final String MASTER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final InetSocketAddress MONGO_ADDRESS = MONGO.bind();
    protected static FakeSessionWorker worker;

    @LocalServerPort
    protected int port;
    @Autowired
    protected ReactiveMongoTemplate mongo;
    protected WebTestClient client;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + MONGO_ADDRESS.getPort() + "/wafleet");
    }

    @BeforeAll
    static void startWorker(@Autowired EmbeddedKafkaBroker broker) {
        worker = new FakeSessionWorker(broker.getBrokersAsString());
    }

    @AfterAll
    static void stopWorker() throws InterruptedException {
        worker.close();
    }

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(15)).build();
    }

    protected WebTestClient.ResponseSpec create(String id) {
        return post("/accounts", Map.of("account_id", id));
    }

    /** Creates the account with a linked, logged-in device, as a session worker would have recorded it. */
    protected void createLinked(String id) {
        create(id).expectStatus().isCreated();
        mongo.updateFirst(Query.query(where("_id").is(id)),
                Update.update("device_id", "dev-1").set("status", "logged_in"), "accounts").block();
    }

    protected WebTestClient.ResponseSpec post(String path, Map<String, ?> body) {
        return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    protected WebTestClient.ResponseSpec postWithKey(String path, Map<String, ?> body, String idempotencyKey) {
        return client.post().uri(path).header("Idempotency-Key", idempotencyKey).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    protected static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    /** The commands the fake worker has seen for the account, in order. */
    protected static List<Command> commandsOf(String account) {
        return worker.commands.stream().filter(seen -> seen.key().equals(account)).map(FakeSessionWorker.Seen::value).toList();
    }

    /** Waits for the command with this id: of this type, keyed by its account, at schema version 1, and matching. */
    protected static <C extends Command> void awaitCommand(String commandId, Class<C> type, Predicate<C> matches) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(worker.commands).anySatisfy(seen -> {
            assertThat(seen.value()).isInstanceOf(type);
            C command = type.cast(seen.value());
            assertThat(command.commandId()).isEqualTo(commandId);
            assertThat(seen.key()).isEqualTo(command.accountId().value());
            assertThat(command.schemaVersion()).isEqualTo(1);
            assertThat(matches.test(command)).isTrue();
        }));
    }

    /** A 400 or 404 in the envelope whose message names {@code named}. */
    protected void refused(int status, String path, Map<String, ?> body, String named) {
        post(path, body).expectStatus().isEqualTo(status).expectBody()
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.code").isEqualTo(status == 400 ? "BAD_REQUEST" : "NOT_FOUND")
                .jsonPath("$.message").value(message -> assertThat((String) message).contains(named));
    }

    protected static void badRequest(WebTestClient.ResponseSpec response) {
        response.expectStatus().isBadRequest().expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.code").isEqualTo("BAD_REQUEST")
                .jsonPath("$.message").isNotEmpty();
    }

    protected static String resultField(byte[] body, String field) {
        Document document = Document.parse(new String(body));
        return document.get("results", Document.class).getString(field);
    }

    /**
     * The webhook secret of a stored {@code account_webhooks} document, after checking that it is sealed
     * under the test master key and not readable as it is stored.
     */
    protected static String sealedWebhookSecret(Document webhook) {
        assertThat(webhook).doesNotContainKey(SealedField.WEBHOOK_SECRET.plaintextField());
        byte[] sealed = webhook.get(SealedField.WEBHOOK_SECRET.field(), Binary.class).getData();
        SecretCipher cipher = new SecretCipher(KeyRing.of(Base64.getDecoder().decode(MASTER_KEY)));
        assertThat(SecretCipher.keyIdOf(sealed)).hasValue(cipher.keys().current().id());
        String secret = new String(cipher.open(sealed, SealedField.WEBHOOK_SECRET.associatedData(webhook.getString("_id"))),
                StandardCharsets.UTF_8);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
        return secret;
    }

    protected static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
