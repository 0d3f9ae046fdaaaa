package io.wafleet.webhook.delivery;

import io.netty.channel.ChannelOption;
import io.wafleet.common.event.Event;
import io.wafleet.webhook.WebhookWorkerProperties;
import io.wafleet.webhook.address.AddressGuard;
import io.wafleet.webhook.address.RefusedAddressException;
import io.wafleet.webhook.endpoint.Endpoint;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * One POST of an event to a webhook, without blocking. Headers and signatures are built when the
 * attempt is subscribed, so every attempt carries its own timestamp. Redirects are not followed (a
 * 3xx is a final answer); at most {@code max-response-body} bytes of the answer are read, then the
 * connection is dropped. The whole attempt is bounded by the timeout it is given.
 */
@Component
class WebhookClient implements DisposableBean {

    private final ConnectionProvider pool;
    private final WebClient webClient;
    private final AddressGuard guard;
    private final Clock clock;
    private final long maxResponseBody;

    WebhookClient(WebhookWorkerProperties properties, AddressGuard guard, Clock clock) {
        WebhookWorkerProperties.Delivery delivery = properties.delivery();
        // Pools are per host and port, so one hanging endpoint cannot take another's connections.
        this.pool = ConnectionProvider.builder("wafleet-webhooks")
                .maxConnections(delivery.maxConnectionsPerHost())
                .pendingAcquireMaxCount(-1)
                .maxIdleTime(Duration.ofSeconds(20))
                .build();
        HttpClient http = HttpClient.create(pool)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(delivery.connectTimeout().toMillis()))
                // a request's headers and body may leave in two writes: Nagle would hold the body for the
                // receiver's delayed acknowledgement of the headers (up to 40 ms)
                .option(ChannelOption.TCP_NODELAY, true)
                .followRedirect(false);
        if (guard.resolverGroup() != null) {
            http = http.resolver(guard.resolverGroup());
        }
        this.webClient = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
        this.guard = guard;
        this.clock = clock;
        this.maxResponseBody = delivery.maxResponseBody().toBytes();
    }

    @Override
    public void destroy() {
        pool.dispose();
    }

    /** One attempt. It never fails: what went wrong is in the result. */
    Mono<AttemptResult> post(Endpoint endpoint, Event event, byte[] body, Duration timeout) {
        URI uri;
        try {
            uri = guard.check(endpoint.url());
        } catch (RefusedAddressException refused) {
            return Mono.just(AttemptResult.refused(refused.getMessage()));
        }
        return Mono.defer(() -> {
            long started = System.nanoTime();
            return webClient.post()
                    .uri(uri)
                    .headers(headers -> headers.addAll(WebhookHeaders.forAttempt(event, endpoint.secret(), body,
                            clock.instant().getEpochSecond(), endpoint.headers())))
                    .bodyValue(body)
                    .exchangeToMono(response -> answered(response, started))
                    .timeout(timeout)
                    .onErrorResume(failure -> Mono.just(failed(failure, started, timeout)));
        });
    }

    private Mono<AttemptResult> answered(ClientResponse response, long started) {
        int status = response.statusCode().value();
        Duration retryAfter = status == 429 || status == 503
                ? RetryAfter.parse(response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER), clock.instant())
                : null;
        return DataBufferUtils.takeUntilByteCount(response.body(BodyExtractors.toDataBuffers()), maxResponseBody)
                .doOnNext(DataBufferUtils::release)
                .then(Mono.fromSupplier(() -> new AttemptResult(RetryPolicy.verdictFor(status), status, retryAfter,
                        millisSince(started), status >= 200 && status < 300 ? null : "HTTP " + status)));
    }

    private static AttemptResult failed(Throwable failure, long started, Duration timeout) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedAddressException refused) {
                return AttemptResult.refused(refused.getMessage());
            }
        }
        return new AttemptResult(AttemptResult.Verdict.RETRYABLE, null, null, millisSince(started), describe(failure, timeout));
    }

    /** The failure's kind and root cause: no body, header or secret ever reaches the delivery log. */
    static String describe(Throwable failure, Duration timeout) {
        if (failure instanceof java.util.concurrent.TimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        String described = root.getClass().getSimpleName() + message;
        return described.length() <= 300 ? described : described.substring(0, 300) + "...";
    }

    private static long millisSince(long started) {
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }
}
