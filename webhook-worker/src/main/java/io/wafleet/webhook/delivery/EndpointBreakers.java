package io.wafleet.webhook.delivery;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One resilience4j circuit breaker per endpoint URL, all made from the {@code webhook-endpoint}
 * configuration of {@code resilience4j.circuitbreaker.configs} (resilience4j's defaults when it is
 * absent). Retryable failures count against the endpoint; 2xx and final answers show it is alive;
 * a refused URL never reached it and counts for nothing.
 */
@Component
class EndpointBreakers {

    static final String CONFIG = "webhook-endpoint";

    /** What a failed attempt is recorded as; the breaker only counts it, so it carries no stack. */
    private static final RuntimeException FAILED_ATTEMPT = new RuntimeException("webhook attempt failed", null, false, false) {
    };

    private final CircuitBreakerRegistry registry;
    private final CircuitBreakerConfig config;

    EndpointBreakers(CircuitBreakerRegistry registry) {
        this.registry = registry;
        this.config = registry.getConfiguration(CONFIG).orElse(registry.getDefaultConfig());
    }

    CircuitBreaker forUrl(String url) {
        return registry.circuitBreaker(url, config);
    }

    /** Tells the endpoint's breaker how an attempt it permitted went. */
    static void record(CircuitBreaker breaker, AttemptResult result) {
        switch (result.verdict()) {
            case REFUSED -> breaker.releasePermission();
            case RETRYABLE -> breaker.onError(result.latencyMs(), TimeUnit.MILLISECONDS, FAILED_ATTEMPT);
            case DELIVERED, FINAL -> breaker.onSuccess(result.latencyMs(), TimeUnit.MILLISECONDS);
        }
    }

    /** How long an open breaker stays open: how long an event it refused is deferred. */
    Duration openWait() {
        return Duration.ofMillis(config.getWaitIntervalFunctionInOpenState().apply(1));
    }
}
