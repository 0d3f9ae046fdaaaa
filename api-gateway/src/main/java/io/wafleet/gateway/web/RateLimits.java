package io.wafleet.gateway.web;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;

import java.time.Duration;

/**
 * A budget per key (an account, an API key): {@code limit} permits per {@code period}, taken at once
 * or refused with 429 {@code RATE_LIMITED} and how long until the next permit (resilience4j).
 */
public final class RateLimits {

    private final RateLimiterRegistry limiters;
    private final int limit;
    private final Duration period;
    private final String what;

    /** @param what what the budget counts and where it is set, e.g. {@code "messages (wafleet.limits)"} */
    public RateLimits(int limit, Duration period, String what) {
        this.limit = limit;
        this.period = period;
        this.what = what;
        this.limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(limit)
                .limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO)
                .build());
    }

    /**
     * Takes a permit of {@code key}'s budget.
     *
     * @param who names the key in the refusal, e.g. {@code "account 'a1'"}
     * @throws ApiException 429 when the key has used its budget of this period
     */
    public void take(String key, String who) {
        RateLimiter limiter = limiters.rateLimiter(key);
        if (!limiter.acquirePermission()) {
            Duration wait = limiter instanceof AtomicRateLimiter atomic
                    ? Duration.ofNanos(atomic.getDetailedMetrics().getNanosToWait()) : period;
            throw ApiException.rateLimited(who + " may make " + limit + " " + what + " per " + period.toMillis()
                    + " ms; try again in " + wait.toMillis() + " ms", wait);
        }
    }
}
