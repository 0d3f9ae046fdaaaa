package io.wafleet.infra;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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

    /** Sends a text and returns the message id the gateway answered with. */
    String sendText(String account, String phone, String message) {
        JsonNode results = post("/send/message", Map.of("account_id", account, "phone", phone, "message", message))
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("results");
        assertThat(results.get("status").asString()).isEqualTo("queued");
        return results.get("message_id").asString();
    }
}
