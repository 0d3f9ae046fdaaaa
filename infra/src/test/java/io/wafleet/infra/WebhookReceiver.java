package io.wafleet.infra;

import com.sun.net.httpserver.HttpServer;
import io.wafleet.common.json.WafleetJson;
import io.wafleet.common.webhook.WebhookSignature;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;

/**
 * A webhook endpoint on loopback that records every delivery, as a user's receiver would see it, with
 * the status it answered: 200 unless the test chooses otherwise ({@link #answer(IntSupplier)}).
 */
final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private volatile IntSupplier status = () -> 200;

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.getFirst()));
            int answer = status.getAsInt();
            deliveries.add(new Delivery(headers, body, answer));
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhook";
    }

    /** From now on, each request is answered with the status {@code status} gives (asked once per request). */
    void answer(IntSupplier status) {
        this.status = status;
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    List<JsonNode> events(String type) {
        return deliveries.stream().map(Delivery::json).filter(e -> e.get("event").asString().equals(type)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    record Delivery(Map<String, String> headers, byte[] body, int status) {

        JsonNode json() {
            return WafleetJson.mapper().readTree(body);
        }

        boolean signedWith(String secret) {
            String id = headers.get("webhook-id");
            long timestamp = Long.parseLong(headers.get("webhook-timestamp"));
            return WebhookSignature.hubSignature256(secret, body).equals(headers.get("X-Hub-Signature-256"))
                    && WebhookSignature.standardWebhooks(secret, id, timestamp, body).equals(headers.get("webhook-signature"));
        }
    }
}
