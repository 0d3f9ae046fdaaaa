package io.wafleet.gateway.send;

import io.wafleet.common.AccountId;
import io.wafleet.gateway.GatewayProperties;
import io.wafleet.gateway.web.ApiException;
import io.wafleet.gateway.web.RateLimits;
import org.springframework.stereotype.Component;

/**
 * Each account's send budget ({@code wafleet.limits}): a send takes a permit or is refused at once with
 * 429 {@code RATE_LIMITED} and how long until the next permit, before anything is stored or queued.
 * A forward sends a new message, so it takes a permit too.
 */
@Component
public class SendRateLimits {

    private final RateLimits budget;

    SendRateLimits(GatewayProperties properties) {
        GatewayProperties.Limits limits = properties.limits();
        this.budget = new RateLimits(limits.sendsPerAccount(), limits.sendPeriod(), "sends (wafleet.limits)");
    }

    /** @throws ApiException 429 when the account has sent its share of this period */
    public void take(AccountId account) {
        budget.take(account.value(), "account '" + account + "'");
    }
}
