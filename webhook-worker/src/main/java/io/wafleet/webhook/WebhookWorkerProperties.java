package io.wafleet.webhook;

import io.wafleet.common.crypto.MasterKeySettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;

/**
 * Everything the webhook worker can be configured with, under {@code wafleet.*}. The circuit breaker
 * of each endpoint is configured apart, as resilience4j's {@code webhook-endpoint} configuration
 * ({@code resilience4j.circuitbreaker.configs.webhook-endpoint} in {@code webhook-worker.yml}).
 * {@code credentials} are the master keys that open account webhook secrets ({@code wafleet.credentials.*},
 * as every service).
 */
@Validated
@ConfigurationProperties("wafleet")
public record WebhookWorkerProperties(
        @Valid @DefaultValue Kafka kafka,
        @Valid @DefaultValue Webhook webhook,
        @Valid @DefaultValue Delivery delivery,
        @Valid @DefaultValue Endpoints endpoints,
        @DefaultValue MasterKeySettings credentials,
        @Valid @DefaultValue Metrics metrics) {

    /**
     * @param partitions         partitions of the account-keyed topics this service creates when missing
     * @param replication        replication factor of the topics this service creates when missing
     * @param eventsGroup        consumer group sharing {@code wafleet.events} among webhook workers
     * @param retriesGroup       consumer group sharing the retry tiers {@code wafleet.events.retry-*}
     * @param eventsConcurrency  consumers per instance on {@code wafleet.events}
     * @param retriesConcurrency consumers per instance on the retry tiers
     * @param configGroupPrefix  prefix of this instance's own group on {@code wafleet.config}: every
     *                           instance must see every configuration change
     * @param maxPollRecords     most records one poll hands over; the in-flight window may be exceeded by this much
     * @param pollTimeout        longest poll; finished deliveries are committed at the latest after it
     * @param sessionTimeout     how soon the group notices a worker that died and hands its partitions over
     * @param heartbeatInterval  heartbeat period, well below the session timeout
     */
    public record Kafka(
            @DefaultValue("32") @Min(1) int partitions,
            @DefaultValue("1") @Min(1) short replication,
            @DefaultValue("wafleet-webhook-workers") @NotBlank String eventsGroup,
            @DefaultValue("wafleet-webhook-retries") @NotBlank String retriesGroup,
            @DefaultValue("2") @Min(1) int eventsConcurrency,
            @DefaultValue("1") @Min(1) int retriesConcurrency,
            @DefaultValue("wafleet-webhook-config-") @NotBlank String configGroupPrefix,
            @DefaultValue("100") @Min(1) int maxPollRecords,
            @DefaultValue("1s") @NotNull Duration pollTimeout,
            @DefaultValue("10s") @NotNull Duration sessionTimeout,
            @DefaultValue("3s") @NotNull Duration heartbeatInterval) {
    }

    /**
     * The global webhook, used for accounts without their own (the seed's backward compatibility), and
     * where webhooks may point.
     *
     * @param allowPrivateAddresses whether a webhook may reach loopback, private, link-local, unique-local,
     *                              multicast and cloud metadata addresses (true locally, false in production)
     */
    public record Webhook(String globalUrl, String globalSecret, @DefaultValue("true") boolean allowPrivateAddresses) {

        /** A global webhook needs its secret: every delivery is signed, and an HMAC takes no empty key. */
        public Webhook {
            if (isSet(globalUrl) && !isSet(globalSecret)) {
                throw new IllegalArgumentException("wafleet.webhook.global-secret (WAFLEET_GLOBAL_WEBHOOK_SECRET) is"
                        + " required when wafleet.webhook.global-url is set: every delivery is signed with it");
            }
        }

        public boolean hasGlobal() {
            return isSet(globalUrl);
        }

        private static boolean isSet(String value) {
            return value != null && !value.isBlank();
        }

        @Override
        public String toString() {
            return "Webhook[globalUrl=" + globalUrl + ", globalSecret=" + (globalSecret == null ? "none" : "***")
                    + ", allowPrivateAddresses=" + allowPrivateAddresses + "]";
        }
    }

    /**
     * @param connectTimeout        TCP connect timeout of one attempt
     * @param firstAttemptTimeout   whole first attempt (connect, answer, body); short, so a hanging
     *                              endpoint hands its events to the retry tiers quickly
     * @param retryAttemptTimeout   whole later attempt: a slow endpoint still gets its chance there
     * @param maxAttempts           attempts per delivery, the first included, unless the account sets its own
     * @param initialBackoff        wait before the second attempt
     * @param multiplier            growth of the wait with each further attempt
     * @param maxBackoff            cap of the wait between attempts
     * @param jitter                random share (0–1) of each wait, so endpoints are not hit in lockstep
     * @param retryTierFloors       shortest wait each retry tier takes, one per {@code Topics.EVENTS_RETRY_TIERS}
     *                              entry, ascending; a retry goes to the last tier whose floor it reaches
     * @param maxRetryAfter         cap of a receiver's {@code Retry-After}
     * @param maxInFlight           deliveries in flight per consumer; beyond it the consumer pauses
     * @param maxResponseBody       bytes of a receiver's answer read (and discarded) before the connection is dropped
     * @param maxConnectionsPerHost open connections per receiving host and port
     * @param retention             how long delivery records and attempts are kept
     * @param pruneInterval         how often records older than {@code retention} are deleted
     */
    public record Delivery(
            @DefaultValue("2s") @NotNull Duration connectTimeout,
            @DefaultValue("2s") @NotNull Duration firstAttemptTimeout,
            @DefaultValue("10s") @NotNull Duration retryAttemptTimeout,
            @DefaultValue("8") @Min(1) int maxAttempts,
            @DefaultValue("1s") @NotNull Duration initialBackoff,
            @DefaultValue("2") @DecimalMin("1") double multiplier,
            @DefaultValue("5m") @NotNull Duration maxBackoff,
            @DefaultValue("0.2") @DecimalMin("0") @DecimalMax("1") double jitter,
            @DefaultValue({"0s", "10s", "2m"}) @NotEmpty List<Duration> retryTierFloors,
            @DefaultValue("1h") @NotNull Duration maxRetryAfter,
            @DefaultValue("256") @Min(1) int maxInFlight,
            @DefaultValue("8KB") @NotNull DataSize maxResponseBody,
            @DefaultValue("64") @Min(1) int maxConnectionsPerHost,
            @DefaultValue("7d") @NotNull Duration retention,
            @DefaultValue("1h") @NotNull Duration pruneInterval) {
    }

    /**
     * @param cacheTtl     how long a looked-up webhook is reused; a config change drops it at once
     * @param cacheMaxSize accounts whose webhook is kept in memory
     */
    public record Endpoints(
            @DefaultValue("60s") @NotNull Duration cacheTtl,
            @DefaultValue("100000") @Min(1) long cacheMaxSize) {
    }

    /**
     * Per-account tags on the delivery meters. Off by default: one series per account does not scale to
     * a large fleet. On, at most {@code maxTaggedAccounts} accounts get a tag of their own (the first
     * seen since start); deliveries of any other account are tagged {@code account=_other}, so the
     * number of series stays bounded whatever the fleet's size.
     *
     * @param accountTags       whether delivery meters carry an {@code account} tag
     * @param maxTaggedAccounts most accounts with a tag of their own
     */
    public record Metrics(
            @DefaultValue("false") boolean accountTags,
            @DefaultValue("100") @Min(1) int maxTaggedAccounts) {
    }
}
