package io.wafleet.infra;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The HTTP API of a running fleet, as a curl user drives it. */
final class FleetClient {

    private final WebTestClient client;

    FleetClient(String baseUrl) {
        client = WebTestClient.bindToServer().baseUrl(baseUrl).responseTimeout(Duration.ofSeconds(30)).build();
    }

    WebTestClient.ResponseSpec post(String path, Map<String, ?> body) {
        return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec postRaw(String path, MediaType type, String body) {
        return client.post().uri(path).contentType(type).bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec postEmpty(String path) {
        return client.post().uri(path).exchange();
    }

    WebTestClient.ResponseSpec get(String path) {
        return client.get().uri(path).exchange();
    }

    WebTestClient.ResponseSpec getAbsolute(String url) {
        return client.get().uri(java.net.URI.create(url)).exchange();
    }

    WebTestClient.ResponseSpec delete(String path) {
        return client.delete().uri(path).exchange();
    }

    /** Creates an account and logs it in by QR, the sandbox phone confirming; it is logged_in shortly after. */
    void createAndLogIn(String account) {
        post("/accounts", Map.of("account_id", account)).expectStatus().isCreated();
        postEmpty("/accounts/" + account + "/login").expectStatus().isOk();
        postEmpty("/sandbox/accounts/" + account + "/scan").expectStatus().isOk();
    }

    /**
     * Creates the account with a webhook of its own and logs it in, by QR or, given a phone number, by
     * pairing code, the sandbox phone confirming; waits until it is logged in and answers its number.
     */
    String logInWithWebhook(String account, String webhookUrl, String secret, String phoneNumber) {
        post("/accounts", Map.of("account_id", account)).expectStatus().isCreated();
        post("/accounts/" + account + "/webhook", Map.of("webhook_url", webhookUrl, "secret", secret)).expectStatus().isOk();
        if (phoneNumber == null) {
            postEmpty("/accounts/" + account + "/login").expectStatus().isOk();
        } else {
            post("/accounts/" + account + "/login-with-code", Map.of("phone_number", phoneNumber)).expectStatus().isOk();
        }
        postEmpty("/sandbox/accounts/" + account + "/scan").expectStatus().isOk();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get("/accounts/" + account).expectStatus().isOk()
                .expectBody().jsonPath("$.results.status").isEqualTo("logged_in"));
        return get("/accounts/" + account).expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("results").get("phone_number").asString();
    }

    /** {@code GET /accounts}: every account's status and owner, by account id. */
    Map<String, AccountState> accounts() {
        JsonNode results = get("/accounts").expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody().get("results");
        return results.valueStream().map(AccountState::of)
                .collect(Collectors.toMap(AccountState::id, state -> state));
    }

    /** {@code GET /sandbox/stats}: the sandbox network's fleet-wide counters. */
    SandboxStats sandboxStats() {
        JsonNode results = get("/sandbox/stats").expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody().get("results");
        return new SandboxStats(results.get("live_connections").asLong(), results.get("conflicts").asLong(),
                results.get("sends").asLong(), results.get("deliveries").asLong());
    }

    /** Sends a text and returns the message id the gateway answered with. */
    String sendText(String account, String phone, String message) {
        return send("/send/message", Map.of("account_id", account, "phone", phone, "message", message));
    }

    /** A send of any kind ({@code /send/location}, ...): the message id the gateway answered with. */
    String send(String path, Map<String, ?> body) {
        JsonNode results = post(path, body)
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("results");
        assertThat(results.get("status").asString()).isEqualTo("queued");
        return results.get("message_id").asString();
    }

    /** A media send as a multipart upload ({@code /send/file}, ...): the message id the gateway answered with. */
    String upload(String path, Map<String, String> fields, String part, byte[] bytes, String fileName, MediaType type) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        fields.forEach(form::part);
        form.part(part, new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }).contentType(type);
        JsonNode results = client.post().uri(path).contentType(MediaType.MULTIPART_FORM_DATA).bodyValue(form.build())
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("results");
        return results.get("message_id").asString();
    }

    record AccountState(String id, String status, String owner) {

        static AccountState of(JsonNode account) {
            JsonNode owner = account.get("owner");
            return new AccountState(account.get("id").asString(), account.get("status").asString(),
                    owner == null || owner.isNull() ? null : owner.asString());
        }
    }

    record SandboxStats(long liveConnections, long conflicts, long sends, long deliveries) {
    }
}
