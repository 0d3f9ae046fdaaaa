package io.wafleet.webhook.delivery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.wafleet.common.AccountId;
import io.wafleet.common.event.Event;
import io.wafleet.common.event.MessageReceived;
import io.wafleet.webhook.TestProperties;
import io.wafleet.webhook.address.AddressGuard;
import io.wafleet.webhook.endpoint.Endpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookClientTest {

    private static final Instant AT = Instant.parse("2026-11-26T05:00:00Z");
    private static final Event EVENT = Event.of("cmd-1", AccountId.of("alice"), AT,
            MessageReceived.text("3EB0AAAA", "6289876543210@s.whatsapp.net", "Budi", AT, "Hai"));
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final HttpServer server = server();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger redirected = new AtomicInteger();
    private final WebhookClient client = new WebhookClient(TestProperties.defaults(),
            new AddressGuard(TestProperties.defaults()), Clock.systemUTC());

    @AfterEach
    void stop() {
        release.countDown();
        client.destroy();
        server.stop(0);
        executor.shutdownNow();
    }

    @Test
    void readsOnlyTheStartOfAnEndlessAnswer() {
        AttemptResult result = post("/endless", TIMEOUT);

        assertThat(result.verdict()).isEqualTo(AttemptResult.Verdict.DELIVERED);
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(Duration.ofMillis(result.latencyMs())).isLessThan(TIMEOUT);
    }

    @Test
    void doesNotFollowRedirects() {
        AttemptResult result = post("/redirect", TIMEOUT);

        assertThat(result.verdict()).isEqualTo(AttemptResult.Verdict.FINAL);
        assertThat(result.statusCode()).isEqualTo(302);
        assertThat(redirected).hasValue(0);
    }

    @Test
    void passesOnTheReceiversRetryAfter() {
        AttemptResult result = post("/limited", TIMEOUT);

        assertThat(result.verdict()).isEqualTo(AttemptResult.Verdict.RETRYABLE);
        assertThat(result.statusCode()).isEqualTo(429);
        assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(result.error()).isEqualTo("HTTP 429");
    }

    @Test
    void anEndpointThatNeverAnswersTimesOutAsARetryableFailure() {
        AttemptResult result = post("/hang", Duration.ofMillis(300));

        assertThat(result.verdict()).isEqualTo(AttemptResult.Verdict.RETRYABLE);
        assertThat(result.statusCode()).isNull();
        assertThat(result.error()).isEqualTo("no answer within 300 ms");
        assertThat(result.latencyMs()).isBetween(300L, TIMEOUT.toMillis());
    }

    private AttemptResult post(String path, Duration timeout) {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + path;
        return client.post(Endpoint.of(url, "alice-secret"), EVENT, new byte[] {'{', '}'}, timeout).block(TIMEOUT.multipliedBy(2));
    }

    private HttpServer server() {
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            created.createContext("/endless", this::endless);
            created.createContext("/redirect", exchange -> {
                exchange.getResponseHeaders().set("Location", "/elsewhere");
                answer(exchange, 302);
            });
            created.createContext("/elsewhere", exchange -> {
                redirected.incrementAndGet();
                answer(exchange, 200);
            });
            created.createContext("/limited", exchange -> {
                exchange.getResponseHeaders().set("Retry-After", "7");
                answer(exchange, 429);
            });
            created.createContext("/hang", exchange -> {
                awaitRelease();
                answer(exchange, 200);
            });
            created.setExecutor(executor);
            created.start();
            return created;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 200 and a body that does not end until the client hangs up (or the test ends). */
    private void endless(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.sendResponseHeaders(200, 0);
        byte[] chunk = new byte[4096];
        try (OutputStream body = exchange.getResponseBody()) {
            while (release.getCount() > 0) {
                body.write(chunk);
                body.flush();
            }
        } catch (IOException hungUp) {
            // The client stopped reading: what this test expects.
        }
    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(HttpExchange exchange, int status) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }
}
