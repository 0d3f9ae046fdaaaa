package io.wafleet.webhook.delivery;

import io.wafleet.webhook.WebhookWorkerProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * Which failed attempts are worth another one, and how long to wait: network errors, timeouts,
 * 5xx, 408 and 429 are retried; any other status is the receiver's final word. Waits grow
 * exponentially from {@code initial-backoff} up to {@code max-backoff}, with jitter, for at most
 * {@code max-attempts} attempts in all. The numbers live in configuration.
 */
@Component
class RetryPolicy {

    private final WebhookWorkerProperties.Delivery delivery;

    RetryPolicy(WebhookWorkerProperties properties) {
        this.delivery = properties.delivery();
    }

    static boolean isRetryableStatus(int status) {
        return status >= 500 || status == 408 || status == 429;
    }

    boolean isRetryable(Throwable failure) {
        if (failure instanceof WebhookStatusException status) {
            return isRetryableStatus(status.status());
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof WebClientRequestException || cause instanceof IOException
                    || cause instanceof TimeoutException || cause instanceof io.netty.handler.timeout.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The Reactor retry spec for one event's attempts; it rethrows the last failure when exhausted. */
    Retry retrySpec() {
        RetryBackoffSpec spec = Retry.backoff(delivery.maxAttempts() - 1L, delivery.initialBackoff())
                .maxBackoff(delivery.maxBackoff())
                .jitter(delivery.jitter())
                .filter(this::isRetryable);
        return spec.onRetryExhaustedThrow((retrySpec, signal) -> signal.failure());
    }
}
