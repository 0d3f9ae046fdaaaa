package io.wafleet.infra;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue #9, the gateway's side of a Cloud API account: it is created with its settings (secrets sealed,
 * never shown), refuses the QR and pairing-code logins, and serves Meta's open webhook, whose handshake
 * needs the verify token and whose notifications, signed with the app secret, are published to
 * {@code wafleet.commands} exactly as Meta sent them.
 */
class CloudApiGatewayIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static MongoClient mongo;

    private final WebTestClient http = WebTestClient.bindToServer().baseUrl(TestFleet.shared().baseUrl())
            .responseTimeout(Duration.ofSeconds(30)).build();
    private final FleetClient api = new FleetClient(TestFleet.shared().baseUrl());
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String account = "cloud_" + suffix;
    private final String accessToken = "EAAtoken-" + UUID.randomUUID();
    private final String appSecret = "app-secret-" + UUID.randomUUID();
    private final String verifyToken = "verify-" + UUID.randomUUID();
    private final String proxyPassword = "proxy-pw-" + suffix;

    @BeforeAll
    static void connect() {
        mongo = MongoClients.create(TestFleet.shared().backing.mongoUri());
    }

    @AfterAll
    static void disconnect() {
        mongo.close();
    }

    @Test
    void aCloudAccountIsCreatedWithItsSecretsSealedAndNeverShown() {
        String created = body(api.post("/accounts", cloudAccount(account)).expectStatus().isCreated());
        JsonNode view = JSON.readTree(created).get("results");
        assertThat(view.get("transport").asString()).isEqualTo("cloud_api");
        assertThat(view.get("proxy").asString()).isEqualTo("socks5://proxy.example.com:1080");
        assertThat(view.get("cloud_api").path("phone_number_id").asString()).as(created).isEqualTo("106540352242922");
        assertThat(view.get("cloud_api").get("webhook_path").asString()).isEqualTo("/cloud-api/" + account + "/webhook");

        List<String> answers = List.of(created, body(api.get("/accounts/" + account).expectStatus().isOk()),
                body(api.get("/accounts").expectStatus().isOk()));
        for (String secret : List.of(accessToken, appSecret, verifyToken, proxyPassword)) {
            assertThat(answers).as("the API's answers").noneMatch(answer -> answer.contains(secret));
        }
        api.get("/accounts/" + account).expectBody().jsonPath("$.results.transport").isEqualTo("cloud_api");

        Document stored = accounts().find(Filters.eq("_id", account)).first();
        assertThat(stored).isNotNull();
        assertThat(stored.getString("transport")).isEqualTo("cloud_api");
        assertThat(stored.getString("proxy")).isEqualTo("socks5://proxy.example.com:1080");
        assertThat(stored.get("cloud_api", Document.class)).isEqualTo(new Document("phone_number_id", "106540352242922"));
        assertThat(stored.get("transport_secrets")).isInstanceOf(Binary.class);
        for (String secret : List.of(accessToken, appSecret, verifyToken, proxyPassword)) {
            assertThat(stored.toJson()).as("the stored document").doesNotContain(secret);
        }

        String sandbox = "cloud_sbx_" + suffix;
        api.post("/accounts", Map.of("account_id", sandbox)).expectStatus().isCreated()
                .expectBody().jsonPath("$.results.transport").isEqualTo("sandbox")
                .jsonPath("$.results.proxy").isEmpty().jsonPath("$.results.cloud_api").isEmpty();
        Document sandboxStored = accounts().find(Filters.eq("_id", sandbox)).first();
        assertThat(sandboxStored.getString("transport")).isEqualTo("sandbox");
        assertThat(sandboxStored.containsKey("transport_secrets")).isFalse();
    }

    @Test
    void badAccountSettingsAreRefusedAndWriteNothing() {
        Map<String, String> cloud = Map.of("phone_number_id", "1065", "access_token", "t", "app_secret", "s",
                "verify_token", "v");
        List<Case> cases = List.of(
                new Case(Map.of("transport", "whatsapp"), "transport must be sandbox, linked_device or cloud_api"),
                new Case(Map.of("transport", "sandbox", "proxy", "socks5://h:1080"), "proxy"),
                new Case(Map.of("transport", "linked_device", "proxy", "ftp://u:" + proxyPassword + "@h:21"), "proxy"),
                new Case(Map.of("transport", "linked_device", "cloud_api", cloud), "cloud_api"),
                new Case(Map.of("transport", "cloud_api"), "cloud_api"),
                new Case(Map.of("transport", "cloud_api", "cloud_api", without(cloud, "phone_number_id")), "cloud_api.phone_number_id"),
                new Case(Map.of("transport", "cloud_api", "cloud_api", with(cloud, "phone_number_id", "12ab")), "cloud_api.phone_number_id"),
                new Case(Map.of("transport", "cloud_api", "cloud_api", without(cloud, "access_token")), "cloud_api.access_token"),
                new Case(Map.of("transport", "cloud_api", "cloud_api", with(cloud, "access_token", "x".repeat(4097))), "cloud_api.access_token"),
                new Case(Map.of("transport", "cloud_api", "cloud_api", with(cloud, "app_secret", " ")), "cloud_api.app_secret"),
                new Case(Map.of("transport", "cloud_api", "cloud_api", without(cloud, "verify_token")), "cloud_api.verify_token"));
        int n = 0;
        for (Case bad : cases) {
            String id = "cloud_bad" + (n++) + "_" + suffix;
            Map<String, Object> request = new HashMap<>(bad.body());
            request.put("account_id", id);
            String answer = body(api.post("/accounts", request).expectStatus().isBadRequest());
            JsonNode envelope = JSON.readTree(answer);
            assertThat(envelope.get("code").asString()).isEqualTo("BAD_REQUEST");
            assertThat(envelope.get("message").asString()).as("%s", bad).contains(bad.names());
            assertThat(answer).doesNotContain(proxyPassword);
            assertThat(accounts().countDocuments(Filters.eq("_id", id))).as("document of %s", bad).isZero();
        }
    }

    @Test
    void loginsByQrOrCodeAreRefusedForACloudAccount_andByTokenForOthers() {
        api.post("/accounts", cloudAccount(account)).expectStatus().isCreated();
        for (var login : List.of(api.postEmpty("/accounts/" + account + "/login"),
                api.post("/accounts/" + account + "/login-with-code", Map.of("phone_number", "6281234567890")))) {
            login.expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("UNSUPPORTED_FOR_TRANSPORT")
                    .jsonPath("$.message").value(m -> assertThat((String) m).contains("cloud_api")
                            .contains("/accounts/" + account + "/login-with-token"));
        }
        String sandbox = "cloud_tok_" + suffix;
        api.post("/accounts", Map.of("account_id", sandbox)).expectStatus().isCreated();
        api.postEmpty("/accounts/" + sandbox + "/login-with-token").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("UNSUPPORTED_FOR_TRANSPORT")
                .jsonPath("$.message").value(m -> assertThat((String) m).contains("QR code or pairing code"));
        api.post("/accounts/" + sandbox + "/login-with-token", Map.of("access_token", " ")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m).contains("access_token"));
        api.postEmpty("/accounts/cloud_none_" + suffix + "/login-with-token").expectStatus().isNotFound();
    }

    @Test
    void theHandshakeAnswersTheChallengeOnlyToTheAccountsVerifyToken() {
        api.post("/accounts", cloudAccount(account)).expectStatus().isCreated();
        String sandbox = "cloud_hs_" + suffix;
        api.post("/accounts", Map.of("account_id", sandbox)).expectStatus().isCreated();

        http.get().uri(handshake(account, "subscribe", verifyToken, "1158201444")).exchange()
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
                .expectBody(String.class).isEqualTo("1158201444");
        for (String refused : List.of(handshake(account, "subscribe", verifyToken + "x", "1"),
                handshake(account, "subscribe", "", "1"), handshake(account, "unsubscribe", verifyToken, "1"),
                handshake("cloud_unknown_" + suffix, "subscribe", verifyToken, "1"),
                handshake(sandbox, "subscribe", verifyToken, "1"), "/cloud-api/" + account + "/webhook")) {
            http.get().uri(refused).exchange().expectStatus().isForbidden()
                    .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
        }
    }

    @Test
    void aSignedNotificationIsPublishedAsSent_andOthersAreRefusedAndPublishNothing() throws Exception {
        api.post("/accounts", cloudAccount(account)).expectStatus().isCreated();
        String sandbox = "cloud_in_" + suffix;
        api.post("/accounts", Map.of("account_id", sandbox)).expectStatus().isCreated();
        // Meta's example notification, with its own spacing: the bytes must arrive unchanged
        String body = """
                {"object": "whatsapp_business_account",
                 "entry": [{"id": "102290129340398", "changes": [{"value": {"messaging_product": "whatsapp",
                   "metadata": {"display_phone_number": "15550783881", "phone_number_id": "106540352242922"},
                   "contacts": [{"profile": {"name": "Sheena Nelson"}, "wa_id": "16505551234"}],
                   "messages": [{"from": "16505551234", "id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=",
                     "timestamp": "1749416383", "type": "text", "text": {"body": "Does it come in another color? \u00e9"}}]},
                   "field": "messages"}]}]}""";
        String path = "/cloud-api/" + account + "/webhook";

        notify(path, body, null).expectStatus().isUnauthorized().expectBody().jsonPath("$.code").isEqualTo("UNAUTHORIZED");
        notify(path, body, sign("another-secret", body)).expectStatus().isUnauthorized();
        notify(path, body + " ", sign(appSecret, body)).expectStatus().isUnauthorized();
        notify(path, body, "sha256=" + "0".repeat(64)).expectStatus().isUnauthorized();
        notify("/cloud-api/" + sandbox + "/webhook", body, sign(appSecret, body)).expectStatus().isUnauthorized();
        notify("/cloud-api/cloud_unknown_" + suffix + "/webhook", body, sign(appSecret, body)).expectStatus().isUnauthorized();
        notify(path, "[1, 2]", sign(appSecret, "[1, 2]")).expectStatus().isBadRequest();
        String huge = "{\"pad\": \"" + "x".repeat(1024 * 1024) + "\"}";
        notify(path, huge, sign(appSecret, huge)).expectStatus().isEqualTo(413);

        notify(path, body, sign(appSecret, body)).expectStatus().isOk().expectBody().jsonPath("$.code").isEqualTo("SUCCESS");
        // Meta retries until it gets a 200: the same body is the same command
        notify(path, body, sign(appSecret, body)).expectStatus().isOk();

        String commandId = "cloud-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(body.getBytes(StandardCharsets.UTF_8)));
        List<JsonNode> published = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = commandsFromTheBeginning()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key().equals(account) || record.key().equals(sandbox)) {
                        published.add(JSON.readTree(record.value()));
                    }
                }
                return published.size() >= 2;
            });
            // anything refused above would have been published before these two
            consumer.poll(Duration.ofSeconds(1)).forEach(record -> assertThat(record.key()).isNotIn(account, sandbox));
        }
        assertThat(published).hasSize(2).allSatisfy(command -> {
            assertThat(command.get("type").asString()).isEqualTo("cloud_api.inbound");
            assertThat(command.get("account_id").asString()).isEqualTo(account);
            assertThat(command.get("command_id").asString()).isEqualTo(commandId);
            assertThat(command.get("schema_version").asInt()).isEqualTo(1);
            assertThat(command.get("payload").asString()).isEqualTo(body);
        });
    }

    private record Case(Map<String, Object> body, String names) {
    }

    private Map<String, Object> cloudAccount(String id) {
        return Map.of("account_id", id, "transport", "cloud_api",
                "proxy", "socks5://wafleet:" + proxyPassword + "@proxy.example.com:1080",
                "cloud_api", Map.of("phone_number_id", "106540352242922", "access_token", accessToken,
                        "app_secret", appSecret, "verify_token", verifyToken));
    }

    private WebTestClient.ResponseSpec notify(String path, String body, String signature) {
        var request = http.post().uri(path).contentType(MediaType.APPLICATION_JSON);
        if (signature != null) {
            request = request.header("X-Hub-Signature-256", signature);
        }
        return request.bodyValue(body.getBytes(StandardCharsets.UTF_8)).exchange();
    }

    private static String handshake(String account, String mode, String token, String challenge) {
        return "/cloud-api/" + account + "/webhook?hub.mode=" + mode + "&hub.verify_token=" + token + "&hub.challenge=" + challenge;
    }

    /** Meta's signature, computed here with the JDK. */
    private static String sign(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static KafkaConsumer<String, String> commandsFromTheBeginning() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestFleet.shared().backing.kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor("wafleet.commands").stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    private static Map<String, Object> without(Map<String, String> fields, String name) {
        Map<String, Object> copy = new HashMap<>(fields);
        copy.remove(name);
        return copy;
    }

    private static Map<String, Object> with(Map<String, String> fields, String name, String value) {
        Map<String, Object> copy = new HashMap<>(fields);
        copy.put(name, value);
        return copy;
    }

    private static String body(WebTestClient.ResponseSpec response) {
        return response.expectBody(String.class).returnResult().getResponseBody();
    }

    private static com.mongodb.client.MongoCollection<Document> accounts() {
        return mongo.getDatabase("wafleet").getCollection("accounts");
    }
}
