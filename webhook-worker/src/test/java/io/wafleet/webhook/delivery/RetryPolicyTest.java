package io.wafleet.webhook.delivery;

import io.wafleet.webhook.WebhookWorkerProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(properties(3));

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 408, 429})
    void retriesServerErrorsTimeoutsAndRateLimits(int status) {
        assertThat(policy.isRetryable(new WebhookStatusException(status))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 409, 410, 413, 422, 301})
    void doesNotRetryTheReceiversFinalAnswer(int status) {
        assertThat(policy.isRetryable(new WebhookStatusException(status))).isFalse();
    }

    @Test
    void retriesNetworkErrors() {
        WebClientRequestException refused = new WebClientRequestException(new ConnectException("Connection refused"),
                HttpMethod.POST, URI.create("http://127.0.0.1:1/"), new HttpHeaders());
        assertThat(policy.isRetryable(refused)).isTrue();
        assertThat(policy.isRetryable(new TimeoutException())).isTrue();
        assertThat(policy.isRetryable(new IllegalArgumentException("URI is not absolute"))).isFalse();
    }

    @Test
    void givesUpAfterMaxAttemptsWithTheLastFailure() {
        AtomicInteger attempts = new AtomicInteger();
        Mono<Integer> alwaysUnavailable = Mono.defer(() -> {
            attempts.incrementAndGet();
            return Mono.error(new WebhookStatusException(503));
        });

        assertThatThrownBy(() -> alwaysUnavailable.retryWhen(policy.retrySpec()).block(Duration.ofSeconds(5)))
                .isInstanceOf(WebhookStatusException.class);
        assertThat(attempts).hasValue(3);
    }

    @Test
    void stopsAtOnceOnAFinalAnswer() {
        AtomicInteger attempts = new AtomicInteger();
        Mono<Integer> badRequest = Mono.defer(() -> {
            attempts.incrementAndGet();
            return Mono.error(new WebhookStatusException(400));
        });

        assertThatThrownBy(() -> badRequest.retryWhen(policy.retrySpec()).block(Duration.ofSeconds(5)))
                .isInstanceOf(WebhookStatusException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void succeedsOnALaterAttempt() {
        AtomicInteger attempts = new AtomicInteger();
        Mono<Integer> recovers = Mono.defer(() -> attempts.incrementAndGet() < 3
                ? Mono.error(new WebhookStatusException(500)) : Mono.just(200));

        assertThat(recovers.retryWhen(policy.retrySpec()).block(Duration.ofSeconds(5))).isEqualTo(200);
        assertThat(attempts).hasValue(3);
    }

    static WebhookWorkerProperties properties(int maxAttempts) {
        WebhookWorkerProperties.Delivery delivery = new WebhookWorkerProperties.Delivery(Duration.ofSeconds(1),
                Duration.ofSeconds(1), maxAttempts, Duration.ofMillis(1), Duration.ofMillis(5), 0.5, 8,
                Duration.ofSeconds(30), Duration.ofDays(1));
        return new WebhookWorkerProperties(null, null, delivery, null);
    }
}
