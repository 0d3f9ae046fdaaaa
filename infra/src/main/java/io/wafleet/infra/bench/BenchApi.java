package io.wafleet.infra.bench;

import io.wafleet.common.json.WafleetJson;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The fleet's HTTP API as the benchmark drives it: logins of sandbox accounts and the sandbox network's counters. */
final class BenchApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    BenchApi(int gatewayPort) {
        base = URI.create("http://127.0.0.1:" + gatewayPort);
    }

    /** Creates and logs in every account by QR, the sandbox phone confirming, {@code concurrency} accounts at a time. */
    void logInAll(List<String> accounts, int concurrency) throws InterruptedException, ExecutionException {
        try (ExecutorService logins = Executors.newFixedThreadPool(concurrency)) {
            List<Future<?>> done = accounts.stream().<Future<?>>map(id -> logins.submit(() -> {
                logIn(id);
                return null;
            })).toList();
            for (Future<?> login : done) {
                login.get();
            }
        }
    }

    /** Fleet-wide conflicts counted by the sandbox network; empty where {@code GET /sandbox/stats} does not exist. */
    OptionalLong conflicts() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request("/sandbox/stats").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(WafleetJson.mapper().readTree(response.body()).get("results").get("conflicts").asLong());
    }

    /** Points the account's webhook at {@code url}. */
    void setWebhook(String account, String url) throws IOException, InterruptedException {
        post("/accounts/" + account + "/webhook", "{\"webhook_url\":\"" + url + "\",\"secret\":\"bench-secret\"}", 200);
    }

    /** The phone number of a logged-in account. */
    String phoneOf(String account) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request("/accounts/" + account).GET().build(), HttpResponse.BodyHandlers.ofString());
        return WafleetJson.mapper().readTree(response.body()).get("results").get("phone_number").asString();
    }

    private void logIn(String account) throws IOException, InterruptedException {
        post("/accounts", "{\"account_id\":\"" + account + "\"}", 201);
        post("/accounts/" + account + "/login", "", 200);
        post("/sandbox/accounts/" + account + "/scan", "", 200);
    }

    private void post(String path, String json, int expected) throws IOException, InterruptedException {
        HttpRequest request = json.isEmpty()
                ? request(path).POST(HttpRequest.BodyPublishers.noBody()).build()
                : request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            JsonNode body = WafleetJson.mapper().readTree(response.body());
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + body);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
    }
}
