package io.wafleet.webhook.kafka;

import io.wafleet.common.AccountId;
import io.wafleet.common.Topics;
import io.wafleet.common.event.AccountConfigChanged;
import io.wafleet.webhook.endpoint.WebhookEndpoints;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Drops an account's cached webhook as soon as its configuration changes. The record key is the
 * account id, so a tombstone (deleted account) or a value that does not parse still invalidates.
 */
@Component
class ConfigListener {

    private static final Logger log = LoggerFactory.getLogger(ConfigListener.class);

    private final WebhookEndpoints endpoints;

    ConfigListener(WebhookEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @KafkaListener(id = KafkaSetup.CONFIG_LISTENER_ID, idIsGroup = false, topics = Topics.CONFIG,
            containerFactory = "configContainerFactory")
    void onConfigChanged(ConsumerRecord<String, AccountConfigChanged> record) {
        if (AccountId.isValid(record.key())) {
            endpoints.invalidate(AccountId.of(record.key()));
        } else {
            log.warn("Ignored a record of {} at offset {}: its key is not an account id", record.topic(), record.offset());
        }
    }
}
