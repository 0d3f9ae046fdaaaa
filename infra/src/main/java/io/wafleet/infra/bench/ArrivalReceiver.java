package io.wafleet.infra.bench;

import com.sun.net.httpserver.HttpServer;
import io.wafleet.common.json.WafleetJson;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The receiving account's webhook: notes when each {@code bench-<n>} message arrived (nanoTime). */
final class ArrivalReceiver implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final Map<Integer, Long> arrived = new ConcurrentHashMap<>();

    ArrivalReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                long now = System.nanoTime();
                exchange.sendResponseHeaders(200, -1);
                JsonNode event = WafleetJson.mapper().readTree(body);
                String text = event.path("payload").path("body").asString("");
                if (event.path("event").asString("").equals("message") && text.startsWith("bench-")) {
                    arrived.putIfAbsent(Integer.parseInt(text.substring(6)), now);
                }
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhook";
    }

    /** Each message's time from due to arrival, -1 for one that did not arrive within {@code drain} of the last. */
    long[] awaitAll(long[] due, Duration drain) throws InterruptedException {
        long deadline = System.nanoTime() + drain.toNanos();
        while (arrived.size() < due.length && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        long[] latencies = new long[due.length];
        for (int i = 0; i < due.length; i++) {
            Long at = arrived.get(i);
            latencies[i] = at == null ? -1 : at - due[i];
        }
        return latencies;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
