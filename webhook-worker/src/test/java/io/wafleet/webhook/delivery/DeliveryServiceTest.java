package io.wafleet.webhook.delivery;

import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wafleet.common.AccountId;
import io.wafleet.common.event.Event;
import io.wafleet.common.json.WafleetJson;
import io.wafleet.common.event.MessageReceived;
import io.wafleet.webhook.TestProperties;
import io.wafleet.webhook.WebhookWorkerProperties;
import io.wafleet.webhook.address.AddressGuard;
import io.wafleet.webhook.endpoint.Endpoint;
import io.wafleet.webhook.endpoint.WebhookEndpoints;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.dao.DataAccessResourceFailureException;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class DeliveryServiceTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Instant AT = Instant.parse("2026-11-26T05:00:00Z");
    private static final Event EVENT = Event.of("cmd-1", AccountId.of("alice"), AT,
            MessageReceived.text("3EB0AAAA", "6289876543210@s.whatsapp.net", "Budi", AT, "Hai"));
    private static final byte[] BODY = WafleetJson.mapper().writeValueAsBytes(EVENT);
    private static final Endpoint ENDPOINT = Endpoint.of("http://receiver.example/hook", "alice-secret");

    private final WebhookEndpoints endpoints = mock(WebhookEndpoints.class);
    private final DeliveryStore store = mock(DeliveryStore.class);
    private final Retries retries = mock(Retries.class);
    private final WebhookClient client = mock(WebhookClient.class);
    private final CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();

    DeliveryServiceTest() {
        when(endpoints.resolve(any())).thenReturn(Mono.just(ENDPOINT));
        when(store.recordAttempt(any(), any(), any(), any(), any())).thenReturn(Mono.empty());
        when(store.recordState(any(), any(), any(), any(), any())).thenReturn(Mono.empty());
        when(retries.retryLater(any(), any(), anyInt(), any())).thenReturn(Mono.empty());
        when(retries.deadLetter(any(), any(), anyInt(), any(), any())).thenReturn(Mono.empty());
    }

    @Test
    void anOpenCircuitDefersTheEventWithoutSpendingAnAttempt() {
        registry.circuitBreaker(ENDPOINT.url()).transitionToForcedOpenState();

        service(client, TestProperties.defaults()).deliver(EVENT, BODY, 3).block(TIMEOUT);

        verifyNoInteractions(client);
        verify(store, never()).recordAttempt(any(), any(), any(), any(), any());
        verify(store).recordState(eq(EVENT), eq(ENDPOINT.url()), any(), eq(Outcome.PENDING), contains("circuit open"));
        ArgumentCaptor<Duration> wait = ArgumentCaptor.forClass(Duration.class);
        verify(retries).retryLater(eq(EVENT), any(), eq(3), wait.capture());
        // resilience4j's default wait in the open state is 60 s; the deferral adds jitter on top.
        assertThat(wait.getValue()).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(72));
    }

    @Test
    void aClosedCircuitLetsTheAttemptThroughAndARetryableFailureGoesToTheNextAttempt() {
        when(client.post(any(), any(), any(), any())).thenReturn(Mono.just(
                new AttemptResult(AttemptResult.Verdict.RETRYABLE, 503, null, 12, "HTTP 503")));

        service(client, TestProperties.defaults()).deliver(EVENT, BODY, 3).block(TIMEOUT);

        verify(client).post(eq(ENDPOINT), eq(EVENT), any(), eq(Duration.ofSeconds(10)));
        verify(store).recordAttempt(eq(EVENT), eq(ENDPOINT.url()), any(), any(), eq(Outcome.PENDING));
        verify(retries).retryLater(eq(EVENT), any(), eq(4), eq(Duration.ofSeconds(4)));
    }

    @Test
    void theLastRetryableFailureDeadLettersTheEvent() {
        when(client.post(any(), any(), any(), any())).thenReturn(Mono.just(
                new AttemptResult(AttemptResult.Verdict.RETRYABLE, null, null, 2000, "no answer within 2000 ms")));

        service(client, TestProperties.with(true, 3)).deliver(EVENT, BODY, 3).block(TIMEOUT);

        verify(store).recordAttempt(eq(EVENT), eq(ENDPOINT.url()), any(), any(), eq(Outcome.DEAD));
        verify(retries).deadLetter(eq(EVENT), any(), eq(3), eq(null), eq("no answer within 2000 ms"));
        verify(retries, never()).retryLater(any(), any(), anyInt(), any());
    }

    @Test
    void aDeliveredEventIsRecordedDeliveredAndNothingElse() {
        when(client.post(any(), any(), any(), any())).thenReturn(Mono.just(
                new AttemptResult(AttemptResult.Verdict.DELIVERED, 204, null, 3, null)));

        service(client, TestProperties.defaults()).deliver(EVENT, BODY, 1).block(TIMEOUT);

        verify(client).post(eq(ENDPOINT), eq(EVENT), any(), eq(Duration.ofSeconds(2)));
        verify(store).recordAttempt(eq(EVENT), eq(ENDPOINT.url()), any(), any(), eq(Outcome.DELIVERED));
        verify(store, never()).recordState(any(), any(), any(), any(), any());
        verifyNoInteractions(retries);
    }

    @Test
    void aMongoOutageDuringTheLookUpIsWaitedOut() {
        when(endpoints.resolve(any())).thenReturn(
                Mono.error(new DataAccessResourceFailureException("MongoDB is down")), Mono.just(ENDPOINT));
        when(client.post(any(), any(), any(), any())).thenReturn(Mono.just(
                new AttemptResult(AttemptResult.Verdict.DELIVERED, 200, null, 3, null)));

        service(client, TestProperties.defaults()).deliver(EVENT, BODY, 1).block(TIMEOUT);

        verify(endpoints, times(2)).resolve(AccountId.of("alice"));
        verify(store).recordAttempt(eq(EVENT), eq(ENDPOINT.url()), any(), any(), eq(Outcome.DELIVERED));
    }

    @Test
    void anAccountWithoutAWebhookIsSkipped() {
        when(endpoints.resolve(any())).thenReturn(Mono.empty());

        service(client, TestProperties.defaults()).deliver(EVENT, BODY, 1).block(TIMEOUT);

        verifyNoInteractions(client);
        verify(store).recordState(eq(EVENT), eq(null), any(), eq(Outcome.SKIPPED), any());
    }

    @Test
    void anEventTheAccountDoesNotTakeIsFilteredUnsent() {
        when(endpoints.resolve(any())).thenReturn(Mono.just(
                new Endpoint(ENDPOINT.url(), "alice-secret", Set.of("message.ack"), null, Map.of())));

        service(client, TestProperties.defaults()).deliver(EVENT, BODY, 1).block(TIMEOUT);

        verifyNoInteractions(client);
        verify(store).recordState(eq(EVENT), eq(ENDPOINT.url()), any(), eq(Outcome.FILTERED), any());
    }

    @Test
    void privateAddressesAreRefusedUnsentAndRecordedFailed() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        int port = receiver.getAddress().getPort();
        WebhookWorkerProperties production = TestProperties.with(false, 8);
        AddressGuard guard = new AddressGuard(production);
        WebhookClient refusing = new WebhookClient(production, guard, Clock.systemUTC());
        try {
            assertRefused(refusing, production, "http://127.0.0.1:" + port + "/hook", "loopback");
            assertRefused(refusing, production, "http://localhost:" + port + "/hook", "loopback");
            assertRefused(refusing, production, "http://169.254.169.254/latest/meta-data/", "cloud metadata");
            assertRefused(refusing, production, "ftp://127.0.0.1:" + port + "/hook", "http or https");
            assertThat(requests).hasValue(0);

            // The same receiver is reached where private addresses are allowed: the refusal is what kept it away.
            WebhookClient allowing = new WebhookClient(TestProperties.defaults(), new AddressGuard(TestProperties.defaults()),
                    Clock.systemUTC());
            assertThat(allowing.post(Endpoint.of("http://127.0.0.1:" + port + "/hook", "s"), EVENT, new byte[0], TIMEOUT)
                    .block(TIMEOUT).statusCode()).isEqualTo(200);
            assertThat(requests).hasValue(1);
            allowing.destroy();
        } finally {
            refusing.destroy();
            guard.destroy();
            receiver.stop(0);
        }
    }

    private void assertRefused(WebhookClient refusing, WebhookWorkerProperties properties, String url, String why) {
        when(endpoints.resolve(any())).thenReturn(Mono.just(Endpoint.of(url, "alice-secret")));
        ArgumentCaptor<AttemptResult> result = ArgumentCaptor.forClass(AttemptResult.class);

        service(refusing, properties).deliver(EVENT, BODY, 1).block(TIMEOUT);

        verify(store).recordAttempt(eq(EVENT), eq(url), any(), result.capture(), eq(Outcome.FAILED));
        assertThat(result.getValue().verdict()).isEqualTo(AttemptResult.Verdict.REFUSED);
        assertThat(result.getValue().statusCode()).isNull();
        assertThat(result.getValue().error()).contains(why);
        verify(retries, never()).retryLater(any(), any(), anyInt(), any());
    }

    private DeliveryService service(WebhookClient webhookClient, WebhookWorkerProperties properties) {
        return new DeliveryService(endpoints, webhookClient, new RetryPolicy(properties, () -> 0.5),
                new EndpointBreakers(registry), store, retries, new DeliveryMetrics(new SimpleMeterRegistry(), properties));
    }
}
