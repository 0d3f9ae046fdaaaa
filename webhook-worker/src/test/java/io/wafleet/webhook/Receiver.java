package io.wafleet.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntUnaryOperator;

/** A webhook receiver on 127.0.0.1 that records what arrives and answers what the test tells it. */
final class Receiver implements AutoCloseable {

    /** One request as it arrived: headers (lower-case names), the exact body bytes. */
    record Received(Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> requests = new CopyOnWriteArrayList<>();
    private final IntUnaryOperator statusForRequest;

    /** @param statusForRequest the status to answer, given the 1-based number of the request; it may block */
    Receiver(IntUnaryOperator statusForRequest) throws IOException {
        this.statusForRequest = statusForRequest;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static Receiver ok() throws IOException {
        return new Receiver(n -> 200);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Received> requests() {
        return requests;
    }

    /** The first request that carried the event, or null. */
    Received received(io.wafleet.common.event.Event event) {
        return requests.stream().filter(request -> event.id().equals(request.header("X-Webhook-Id"))).findFirst().orElse(null);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.getFirst()));
        int number;
        synchronized (requests) {
            requests.add(new Received(headers, body));
            number = requests.size();
        }
        exchange.sendResponseHeaders(statusForRequest.applyAsInt(number), -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
