package io.wafleet.webhook;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/** Everything the webhook worker can be configured with, under {@code wafleet.*}. */
@Validated
@ConfigurationProperties("wafleet")
public record WebhookWorkerProperties(
        @Valid @DefaultValue Kafka kafka,
        @Valid @DefaultValue Webhook webhook,
        @Valid @DefaultValue Delivery delivery,
        @Valid @DefaultValue Endpoints endpoints) {

    /**
     * @param partitions        partitions of the account-keyed topics this service creates when missing
     * @param eventsGroup       consumer group sharing {@code wafleet.events} among webhook workers
     * @param eventsConcurrency consumer threads per instance on {@code wafleet.events}
     * @param configGroupPrefix prefix of this instance's own group on {@code wafleet.config}: every
     *                          instance must see every configuration change
     * @param maxPollRecords    largest batch handed to the delivery service at once
     */
    public record Kafka(
            @DefaultValue("32") @Min(1) int partitions,
            @DefaultValue("wafleet-webhook-workers") @NotBlank String eventsGroup,
            @DefaultValue("2") @Min(1) int eventsConcurrency,
            @DefaultValue("wafleet-webhook-config-") @NotBlank String configGroupPrefix,
            @DefaultValue("200") @Min(1) int maxPollRecords) {
    }

    /** The global webhook, used for accounts without their own (the seed's backward compatibility). */
    public record Webhook(String globalUrl, String globalSecret) {

        public boolean hasGlobal() {
            return globalUrl != null && !globalUrl.isBlank();
        }

        @Override
        public String toString() {
            return "Webhook[globalUrl=" + globalUrl + ", globalSecret=" + (globalSecret == null ? "none" : "***") + "]";
        }
    }

    /**
     * @param connectTimeout TCP connect timeout of one attempt
     * @param responseTimeout time an attempt waits for the response once the request is sent
     * @param maxAttempts    attempts per event, the first included
     * @param initialBackoff wait before the second attempt; doubles on each further one
     * @param maxBackoff     cap of the wait between attempts
     * @param jitter         random share (0–1) of each wait, so endpoints are not hit in lockstep
     * @param maxInFlight    deliveries in flight at once per consumer thread (at most one per account)
     * @param batchTimeout   upper bound for one batch; beyond it the batch fails and is redelivered
     * @param recordRetention how long {@code webhook_deliveries} keeps a record (a TTL index)
     */
    public record Delivery(
            @DefaultValue("2s") @NotNull Duration connectTimeout,
            @DefaultValue("10s") @NotNull Duration responseTimeout,
            @DefaultValue("3") @Min(1) int maxAttempts,
            @DefaultValue("500ms") @NotNull Duration initialBackoff,
            @DefaultValue("10s") @NotNull Duration maxBackoff,
            @DefaultValue("0.5") @DecimalMin("0") @DecimalMax("1") double jitter,
            @DefaultValue("64") @Min(1) int maxInFlight,
            @DefaultValue("4m") @NotNull Duration batchTimeout,
            @DefaultValue("30d") @NotNull Duration recordRetention) {
    }

    /**
     * @param cacheTtl     how long a looked-up webhook is reused; a config change drops it at once
     * @param cacheMaxSize accounts whose webhook is kept in memory
     */
    public record Endpoints(
            @DefaultValue("60s") @NotNull Duration cacheTtl,
            @DefaultValue("100000") @Min(1) long cacheMaxSize) {
    }
}
