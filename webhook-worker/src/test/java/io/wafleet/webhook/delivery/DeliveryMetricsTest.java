package io.wafleet.webhook.delivery;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wafleet.common.AccountId;
import io.wafleet.webhook.TestProperties;
import io.wafleet.webhook.WebhookWorkerProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void deliveriesCarryNoAccountTagByDefault() {
        DeliveryMetrics metrics = new DeliveryMetrics(registry, TestProperties.defaults());

        metrics.settled(AccountId.of("alice"), Outcome.DELIVERED);

        assertThat(registry.get("wafleet.webhook.deliveries").tag("outcome", "delivered").counter().count()).isEqualTo(1);
        assertThat(registry.get("wafleet.webhook.deliveries").meters()).hasSize(Outcome.values().length)
                .allSatisfy(meter -> assertThat(meter.getId().getTag("account")).isNull());
    }

    @Test
    void withAccountTagsOnlyTheFirstAccountsUpToTheBoundGetATagOfTheirOwn() {
        WebhookWorkerProperties defaults = TestProperties.defaults();
        DeliveryMetrics metrics = new DeliveryMetrics(registry, new WebhookWorkerProperties(defaults.kafka(),
                defaults.webhook(), defaults.delivery(), defaults.endpoints(), defaults.credentials(),
                new WebhookWorkerProperties.Metrics(true, 2)));

        for (String account : new String[] {"alice", "bob", "carol", "dave", "alice"}) {
            metrics.settled(AccountId.of(account), Outcome.DELIVERED);
        }

        assertThat(registry.get("wafleet.webhook.deliveries").meters()).map(Meter::getId)
                .map(id -> id.getTag("account")).containsExactlyInAnyOrder("alice", "bob", DeliveryMetrics.OTHER_ACCOUNTS);
        assertThat(registry.get("wafleet.webhook.deliveries").tag("account", "alice").counter().count()).isEqualTo(2);
        assertThat(registry.get("wafleet.webhook.deliveries").tag("account", "_other").counter().count()).isEqualTo(2);
    }
}
