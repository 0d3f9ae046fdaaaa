package io.wafleet.webhook;

import io.wafleet.common.crypto.MasterKeySettings;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;

/** Configuration for unit tests: the shipped defaults, with short waits. */
public final class TestProperties {

    private TestProperties() {
    }

    public static WebhookWorkerProperties defaults() {
        return with(true, 8);
    }

    /**
     * @param allowPrivateAddresses whether webhooks may reach loopback and private addresses
     * @param maxAttempts           global attempts per delivery
     */
    public static WebhookWorkerProperties with(boolean allowPrivateAddresses, int maxAttempts) {
        WebhookWorkerProperties.Kafka kafka = new WebhookWorkerProperties.Kafka(4, (short) 1, "events", "retries", 1, 1,
                "config-", 100, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(3));
        WebhookWorkerProperties.Webhook webhook = new WebhookWorkerProperties.Webhook(null, null, allowPrivateAddresses);
        WebhookWorkerProperties.Delivery delivery = new WebhookWorkerProperties.Delivery(Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(10), maxAttempts, Duration.ofSeconds(1), 2, Duration.ofMinutes(5),
                0.2, List.of(Duration.ZERO, Duration.ofSeconds(10), Duration.ofMinutes(2)), Duration.ofHours(1), 256,
                DataSize.ofKilobytes(8), 16, Duration.ofDays(7), Duration.ofHours(1));
        WebhookWorkerProperties.Endpoints endpoints = new WebhookWorkerProperties.Endpoints(Duration.ofSeconds(60), 1000);
        return new WebhookWorkerProperties(kafka, webhook, delivery, endpoints,
                MasterKeySettings.of(WebhookWorkerITSupport.MASTER_KEY), new WebhookWorkerProperties.Metrics(false, 100));
    }
}
