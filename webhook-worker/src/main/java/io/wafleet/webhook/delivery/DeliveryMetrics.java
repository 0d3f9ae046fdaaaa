package io.wafleet.webhook.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.wafleet.common.AccountId;
import io.wafleet.webhook.WebhookWorkerProperties;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The delivery meters: {@code wafleet.webhook.deliveries} (settled deliveries by {@code outcome}),
 * the timer {@code wafleet.webhook.attempts} (each HTTP attempt by {@code result}, as a latency
 * histogram), {@code wafleet.webhook.retries} (attempts queued on a retry tier),
 * {@code wafleet.webhook.dead.letters} (deliveries parked on {@code wafleet.events.dlt}, by
 * {@code reason}) and {@code wafleet.webhook.deferred} (attempts put off by an open circuit). With
 * {@code wafleet.metrics.account-tags}, deliveries and attempts also carry {@code account}, bounded by
 * {@code max-tagged-accounts}. Never a URL, header or body in a tag.
 */
@Component
class DeliveryMetrics {

    static final String OTHER_ACCOUNTS = "_other";

    private final MeterRegistry registry;
    private final boolean accountTags;
    private final int maxTaggedAccounts;
    private final Set<String> tagged = ConcurrentHashMap.newKeySet();

    DeliveryMetrics(MeterRegistry registry, WebhookWorkerProperties properties) {
        this.registry = registry;
        this.accountTags = properties.metrics().accountTags();
        this.maxTaggedAccounts = properties.metrics().maxTaggedAccounts();
        if (!accountTags) {
            // every outcome from the start, at zero (with account tags, series appear per account as they come)
            for (Outcome outcome : Outcome.values()) {
                Counter.builder("wafleet.webhook.deliveries").tags(Tags.of("outcome", outcome.wireName()))
                        .description("Deliveries settled, by outcome").register(registry);
            }
        }
        retries();
        deadLetters("exhausted");
        deadLetters("unsignable");
        deferred();
    }

    void settled(AccountId account, Outcome outcome) {
        Counter.builder("wafleet.webhook.deliveries").description("Deliveries settled, by outcome")
                .tags(accountTag(account).and("outcome", outcome.wireName())).register(registry).increment();
    }

    void attempted(AccountId account, AttemptResult result) {
        Timer.builder("wafleet.webhook.attempts").description("Webhook attempts, by result")
                .tags(accountTag(account).and("result", result.verdict().name().toLowerCase(Locale.ROOT)))
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30)).register(registry)
                .record(result.latencyMs(), TimeUnit.MILLISECONDS);
    }

    void retried() {
        retries().increment();
    }

    void deadLettered(String reason) {
        deadLetters(reason).increment();
    }

    void deferredByCircuit() {
        deferred().increment();
    }

    private Counter retries() {
        return Counter.builder("wafleet.webhook.retries").description("Attempts queued on a retry tier").register(registry);
    }

    private Counter deadLetters(String reason) {
        return Counter.builder("wafleet.webhook.dead.letters").description("Deliveries parked on the dead-letter topic")
                .tag("reason", reason).register(registry);
    }

    private Counter deferred() {
        return Counter.builder("wafleet.webhook.deferred").description("Attempts deferred by an open circuit")
                .register(registry);
    }

    /** No tag unless enabled; then the account, or {@value #OTHER_ACCOUNTS} once the bound is reached. */
    private Tags accountTag(AccountId account) {
        if (!accountTags) {
            return Tags.empty();
        }
        String id = account.value();
        if (!tagged.contains(id)) {
            // racing first deliveries may overshoot the bound by a few accounts, never by more than the threads
            if (tagged.size() >= maxTaggedAccounts) {
                return Tags.of("account", OTHER_ACCOUNTS);
            }
            tagged.add(id);
        }
        return Tags.of("account", id);
    }
}
