package io.wafleet.infra;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.wafleet.common.json.WafleetJson;
import io.wafleet.common.webhook.WebhookSignature;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * A webhook endpoint on loopback that records every delivery, as a user's receiver would see it, with
 * the status it answered: 200 unless the test chooses otherwise ({@link #answer(IntSupplier)}). A slow
 * receiver ({@link #WebhookReceiver(Duration)}) records each request as it arrives and answers it after
 * the delay, from a timer: no thread waits, so many requests are in flight at once.
 */
final class WebhookReceiver implements AutoCloseable {

    /**
     * Connections waiting to be accepted. A burst opens up to a pool's worth of connections per worker
     * at once; past the default backlog (50) their SYNs are dropped and resent a second later or more,
     * which a first attempt's timeout does not survive.
     */
    private static final int BACKLOG = 1024;

    private final HttpServer server;
    private final ScheduledExecutorService answers = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("webhook-receiver-answers").factory());
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private volatile IntSupplier status = () -> 200;

    WebhookReceiver() {
        this(Duration.ZERO);
    }

    WebhookReceiver(Duration delay) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), BACKLOG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.getFirst()));
            int answer = status.getAsInt();
            deliveries.add(new Delivery(headers, body, answer));
            if (delay.isZero()) {
                respond(exchange, answer);
            } else {
                answers.schedule(() -> respond(exchange, answer), delay.toNanos(), TimeUnit.NANOSECONDS);
            }
        });
        server.start();
    }

    private static void respond(HttpExchange exchange, int status) {
        try (exchange) {
            exchange.sendResponseHeaders(status, -1);
        } catch (IOException e) {
            // the sender gave up on the request (it timed out, or was killed): it will try again or is gone
        }
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
        answers.shutdownNow();
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
