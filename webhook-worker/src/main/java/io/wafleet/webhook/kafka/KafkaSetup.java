package io.wafleet.webhook.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.wafleet.common.Topics;
import io.wafleet.common.event.AccountConfigChanged;
import io.wafleet.common.json.WafleetJson;
import io.wafleet.webhook.WebhookWorkerProperties;
import io.wafleet.webhook.delivery.DeliveryService;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.util.backoff.ExponentialBackOff;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Topics, the producer of retries and dead letters, and the listener containers of the webhook worker. */
@Configuration(proxyBeanMethods = false)
class KafkaSetup {

    static final String EVENTS_LISTENER_ID = "wafleet-webhook-events";
    static final String RETRIES_LISTENER_ID = "wafleet-webhook-retries";
    static final String CONFIG_LISTENER_ID = "wafleet-webhook-config";

    /** Every service declares the contract's topics, so whichever starts first creates them. */
    @Bean
    KafkaAdmin.NewTopics wafleetTopics(WebhookWorkerProperties properties) {
        WebhookWorkerProperties.Kafka kafka = properties.kafka();
        return new KafkaAdmin.NewTopics(Topics.all(kafka.partitions(), kafka.replication()).toArray(NewTopic[]::new));
    }

    /** Retries and dead letters carry the event's JSON as the bytes it was delivered with. */
    @Bean
    KafkaTemplate<String, byte[]> retryTemplate(KafkaProperties kafka, MeterRegistry meters) {
        Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        var factory = new DefaultKafkaProducerFactory<String, byte[]>(producer, new StringSerializer(), new ByteArraySerializer());
        factory.addListener(new MicrometerProducerListener<>(meters));
        return new KafkaTemplate<>(factory);
    }

    @Bean
    DeliveryDispatcher eventsDispatcher(DeliveryService deliveries, UnparseableRecords unparseable,
                                        KafkaListenerEndpointRegistry registry, TaskScheduler scheduler, Clock clock,
                                        WebhookWorkerProperties properties) {
        return new DeliveryDispatcher(EVENTS_LISTENER_ID, false, properties.delivery().maxInFlight(), deliveries,
                unparseable, registry, scheduler, clock);
    }

    @Bean
    DeliveryDispatcher retriesDispatcher(DeliveryService deliveries, UnparseableRecords unparseable,
                                         KafkaListenerEndpointRegistry registry, TaskScheduler scheduler, Clock clock,
                                         WebhookWorkerProperties properties) {
        return new DeliveryDispatcher(RETRIES_LISTENER_ID, true, properties.delivery().maxInFlight(), deliveries,
                unparseable, registry, scheduler, clock);
    }

    /** {@code wafleet.events}, in the group {@code events-group}. */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, DeliverableEvent> eventsContainerFactory(
            KafkaProperties kafka, WebhookWorkerProperties properties, @Qualifier("eventsDispatcher") DeliveryDispatcher dispatcher,
            MeterRegistry meters) {
        return deliveryFactory(kafka, properties, properties.kafka().eventsGroup(), properties.kafka().eventsConcurrency(), dispatcher,
                meters);
    }

    /** The retry tiers, in the group {@code retries-group}. */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, DeliverableEvent> retriesContainerFactory(
            KafkaProperties kafka, WebhookWorkerProperties properties, @Qualifier("retriesDispatcher") DeliveryDispatcher dispatcher,
            MeterRegistry meters) {
        return deliveryFactory(kafka, properties, properties.kafka().retriesGroup(), properties.kafka().retriesConcurrency(), dispatcher,
                meters);
    }

    /**
     * Records from the compacted {@code wafleet.config}, in a group of this instance's own: every
     * webhook worker must see every change. It starts at the end, as its cache starts empty.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, AccountConfigChanged> configContainerFactory(
            KafkaProperties kafka, WebhookWorkerProperties properties, MeterRegistry meters) {
        Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, properties.kafka().configGroupPrefix() + UUID.randomUUID());
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        return factory(consumer, new LenientDeserializer<>(WafleetJson.configDeserializer()), meters);
    }

    /**
     * Record listeners whose deliveries run after they return: offsets are committed by the
     * dispatcher's {@code MANUAL} acknowledgments, never past an unfinished delivery. Classic group
     * protocol with cooperative rebalancing and a short session timeout, so a dead worker's partitions
     * move on quickly. Values that do not parse reach the listener as null ({@link LenientDeserializer}),
     * so the error handler only ever sees a fault of the dispatcher itself.
     */
    private static ConcurrentKafkaListenerContainerFactory<String, DeliverableEvent> deliveryFactory(
            KafkaProperties kafka, WebhookWorkerProperties properties, String group, int concurrency,
            DeliveryDispatcher dispatcher, MeterRegistry meters) {
        WebhookWorkerProperties.Kafka settings = properties.kafka();
        Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        consumer.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
        consumer.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        consumer.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, Math.toIntExact(settings.sessionTimeout().toMillis()));
        consumer.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Math.toIntExact(settings.heartbeatInterval().toMillis()));

        ConcurrentKafkaListenerContainerFactory<String, DeliverableEvent> factory = factory(consumer,
                new LenientDeserializer<>(DeliverableEvent.deserializer()), meters);
        factory.setConcurrency(concurrency);
        ContainerProperties container = factory.getContainerProperties();
        container.setAckMode(ContainerProperties.AckMode.MANUAL);
        // MANUAL commits what was acknowledged at every turn of the poll loop; a synchronous commit would
        // hold the consumer for a broker round trip each time. An asynchronous commit that fails is
        // covered by the next one (it only ever names finished deliveries); one lost at a hand-over means
        // the new owner delivers those events again, which at-least-once allows.
        container.setSyncCommits(false);
        container.setPollTimeout(settings.pollTimeout().toMillis());
        container.setConsumerRebalanceListener(dispatcher);
        ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2);
        backOff.setMaxInterval(30_000);
        DefaultErrorHandler errors = new DefaultErrorHandler(backOff);
        errors.setAckAfterHandle(false);
        factory.setCommonErrorHandler(errors);
        return factory;
    }

    /** Each consumer's Kafka client metrics are bound to the registry: {@code kafka.consumer.fetch.manager.records.lag*} is the lag. */
    private static <V> ConcurrentKafkaListenerContainerFactory<String, V> factory(
            Map<String, Object> consumer, Deserializer<V> values, MeterRegistry meters) {
        ConcurrentKafkaListenerContainerFactory<String, V> factory = new ConcurrentKafkaListenerContainerFactory<>();
        var consumers = new DefaultKafkaConsumerFactory<String, V>(consumer, new StringDeserializer(), values);
        consumers.addListener(new MicrometerConsumerListener<>(meters));
        factory.setConsumerFactory(consumers);
        return factory;
    }
}
