package io.wafleet.webhook.delivery;

import io.wafleet.webhook.WebhookWorkerProperties;
import io.wafleet.webhook.endpoint.Endpoint;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Which answers are worth another attempt, how many attempts an event gets and how long each retry
 * waits. 2xx delivers; network errors, timeouts, 5xx, 408 and 429 are retried; any other status is
 * the receiver's final word. Waits grow exponentially from {@code initial-backoff} by
 * {@code multiplier} up to {@code max-backoff}, each moved by up to ±{@code jitter} of itself, and
 * never shorter than the receiver's {@code Retry-After} (capped at {@code max-retry-after}).
 */
@Component
class RetryPolicy {

    private final WebhookWorkerProperties.Delivery delivery;
    private final DoubleSupplier random;

    @Autowired
    RetryPolicy(WebhookWorkerProperties properties) {
        this(properties, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param random uniform in [0, 1), the source of the jitter */
    RetryPolicy(WebhookWorkerProperties properties, DoubleSupplier random) {
        this.delivery = properties.delivery();
        this.random = random;
    }

    static boolean isRetryableStatus(int status) {
        return status >= 500 || status == 408 || status == 429;
    }

    static AttemptResult.Verdict verdictFor(int status) {
        if (status >= 200 && status < 300) {
            return AttemptResult.Verdict.DELIVERED;
        }
        return isRetryableStatus(status) ? AttemptResult.Verdict.RETRYABLE : AttemptResult.Verdict.FINAL;
    }

    /** Attempts a delivery to this endpoint gets: the account's own setting, else the global one. */
    int maxAttempts(Endpoint endpoint) {
        return endpoint.maxAttempts() != null ? endpoint.maxAttempts() : delivery.maxAttempts();
    }

    /** How long attempt number {@code attempt} (1-based) may take in all. */
    Duration timeoutFor(int attempt) {
        return attempt <= 1 ? delivery.firstAttemptTimeout() : delivery.retryAttemptTimeout();
    }

    /** How long an event refused by an open circuit waits: the circuit's wait, plus up to {@code jitter} of it. */
    Duration deferral(Duration openWait) {
        return Duration.ofMillis(Math.round(openWait.toMillis() * (1 + delivery.jitter() * random.getAsDouble())));
    }

    /**
     * The wait before attempt number {@code nextAttempt} (2 for the first retry).
     *
     * @param retryAfter what the receiver asked for, or null
     */
    Duration backoff(int nextAttempt, Duration retryAfter) {
        double max = delivery.maxBackoff().toMillis();
        double exponential = delivery.initialBackoff().toMillis() * Math.pow(delivery.multiplier(), Math.max(0, nextAttempt - 2));
        double base = Math.min(exponential, max);
        double jittered = base * (1 + delivery.jitter() * (2 * random.getAsDouble() - 1));
        Duration wait = Duration.ofMillis(Math.round(Math.min(jittered, max)));
        if (retryAfter != null) {
            Duration asked = retryAfter.compareTo(delivery.maxRetryAfter()) > 0 ? delivery.maxRetryAfter() : retryAfter;
            return asked.compareTo(wait) > 0 ? asked : wait;
        }
        return wait;
    }
}
