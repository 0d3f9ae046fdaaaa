package io.wafleet.gateway.send;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.wafleet.common.AccountId;
import io.wafleet.gateway.GatewayProperties;
import io.wafleet.gateway.web.ApiException;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Each account's send budget ({@code wafleet.limits}): a send takes a permit or is refused at once with
 * 429 {@code RATE_LIMITED} and how long until the next permit, before anything is stored or queued.
 */
@Component
class SendRateLimits {

    private final RateLimiterRegistry limiters;
    private final GatewayProperties.Limits limits;

    SendRateLimits(GatewayProperties properties) {
        this.limits = properties.limits();
        this.limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(limits.sendsPerAccount())
                .limitRefreshPeriod(limits.sendPeriod())
                .timeoutDuration(Duration.ZERO)
                .build());
    }

    /** @throws ApiException 429 when the account has sent its share of this period */
    void take(AccountId account) {
        RateLimiter limiter = limiters.rateLimiter(account.value());
        if (!limiter.acquirePermission()) {
            Duration wait = limiter instanceof AtomicRateLimiter atomic
                    ? Duration.ofNanos(atomic.getDetailedMetrics().getNanosToWait()) : limits.sendPeriod();
            throw ApiException.rateLimited("account '" + account + "' may send " + limits.sendsPerAccount() + " messages per "
                    + limits.sendPeriod().toMillis() + " ms (wafleet.limits); try again in " + wait.toMillis() + " ms", wait);
        }
    }
}
