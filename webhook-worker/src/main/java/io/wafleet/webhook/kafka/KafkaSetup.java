package io.wafleet.webhook.kafka;

import io.wafleet.common.Topics;
import io.wafleet.common.event.AccountConfigChanged;
import io.wafleet.common.event.Event;
import io.wafleet.common.json.WafleetJson;
import io.wafleet.webhook.WebhookWorkerProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Topics and listener container factories of the webhook worker. */
@Configuration(proxyBeanMethods = false)
class KafkaSetup {

    static final String EVENTS_LISTENER_ID = "wafleet-webhook-events";
    static final String CONFIG_LISTENER_ID = "wafleet-webhook-config";

    /** Every service declares the contract's topics, so whichever starts first creates them. */
    @Bean
    KafkaAdmin.NewTopics wafleetTopics(WebhookWorkerProperties properties) {
        return new KafkaAdmin.NewTopics(Topics.all(properties.kafka().partitions(), (short) 1).toArray(NewTopic[]::new));
    }

    /**
     * Batches from {@code wafleet.events}; offsets commit after the listener returns, that is after
     * every delivery of the batch has finished. A batch that fails as a whole (MongoDB unreachable)
     * is retried with backoff while the consumer keeps polling, paused.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, Event> eventsContainerFactory(
            KafkaProperties kafka, WebhookWorkerProperties properties) {
        WebhookWorkerProperties.Kafka settings = properties.kafka();
        Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, settings.eventsGroup());
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        consumer.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG,
                Math.toIntExact(properties.delivery().batchTimeout().plusMinutes(1).toMillis()));

        ConcurrentKafkaListenerContainerFactory<String, Event> factory = factory(consumer,
                new ErrorHandlingDeserializer<>(WafleetJson.eventDeserializer()));
        factory.setBatchListener(true);
        factory.setConcurrency(settings.eventsConcurrency());
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2);
        backOff.setMaxInterval(30_000);
        factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        return factory;
    }

    /**
     * Records from the compacted {@code wafleet.config}, in a group of this instance's own: every
     * webhook worker must see every change. It starts at the end, as its cache starts empty.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, AccountConfigChanged> configContainerFactory(
            KafkaProperties kafka, WebhookWorkerProperties properties) {
        Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, properties.kafka().configGroupPrefix() + UUID.randomUUID());
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        return factory(consumer, new ErrorHandlingDeserializer<>(WafleetJson.configDeserializer()));
    }

    private static <V> ConcurrentKafkaListenerContainerFactory<String, V> factory(
            Map<String, Object> consumer, Deserializer<V> values) {
        ConcurrentKafkaListenerContainerFactory<String, V> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(consumer, new StringDeserializer(), values));
        return factory;
    }
}
