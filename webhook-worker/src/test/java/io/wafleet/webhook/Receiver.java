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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/** A webhook receiver on 127.0.0.1 that records what arrives, and when, and answers what the test tells it. */
final class Receiver implements AutoCloseable {

    /** One request as it arrived: headers (lower-case names), the exact body bytes, {@link System#nanoTime()} of arrival. */
    record Received(Map<String, String> headers, byte[] body, long arrivedNanos) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String id() {
            return header("X-Webhook-Id");
        }
    }

    /** What to answer: a status and headers. */
    record Answer(int status, Map<String, String> headers) {

        static Answer of(int status) {
            return new Answer(status, Map.of());
        }
    }

    /** Decides the answer to a request, given its 1-based number; it may block to keep the request open. */
    @FunctionalInterface
    interface Responder {
        Answer answer(int number, Received request) throws InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger answered = new AtomicInteger();
    private final Responder responder;

    Receiver(Responder responder) throws IOException {
        this(0, responder);
    }

    /** @param statusForRequest the status to answer, given the 1-based number of the request */
    Receiver(IntUnaryOperator statusForRequest) throws IOException {
        this(0, (number, request) -> Answer.of(statusForRequest.applyAsInt(number)));
    }

    Receiver(int port, Responder responder) throws IOException {
        this.responder = responder;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/hook", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static Receiver ok() throws IOException {
        return new Receiver(n -> 200);
    }

    /** Answers each event's first {@code failures} requests with {@code status}, then 200. */
    static Receiver failingEachEvent(int failures, int status) throws IOException {
        Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
        return new Receiver((number, request) -> Answer.of(
                seen.computeIfAbsent(request.id(), id -> new AtomicInteger()).incrementAndGet() <= failures ? status : 200));
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Received> requests() {
        return requests;
    }

    /** Requests that have had their answer. */
    int answered() {
        return answered.get();
    }

    /** The requests that carried the event, in arrival order. */
    List<Received> requestsFor(io.wafleet.common.event.Event event) {
        return requests.stream().filter(request -> event.id().equals(request.id())).toList();
    }

    /** The first request that carried the event, or null. */
    Received received(io.wafleet.common.event.Event event) {
        return requestsFor(event).stream().findFirst().orElse(null);
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.getFirst()));
        Received request = new Received(headers, body, arrived);
        int number;
        synchronized (requests) {
            requests.add(request);
            number = requests.size();
        }
        try {
            Answer answer = responder.answer(number, request);
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(answer.status(), -1);
            answered.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
