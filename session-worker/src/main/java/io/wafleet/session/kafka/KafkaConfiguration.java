package io.wafleet.session.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.wafleet.common.Topics;
import io.wafleet.common.command.Command;
import io.wafleet.common.json.WafleetJson;
import io.wafleet.session.SessionWorkerProperties;
import io.wafleet.session.session.LeaseUnavailableException;
import io.wafleet.session.session.RejectedCommandException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.FixedBackOff;

import java.util.LinkedHashMap;
import java.util.Map;

/** Topics, producer, command consumer and its error handling; the settings that matter are set here, not left to defaults. */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    static final String GROUP_ID = "wafleet-session-workers";

    @Bean
    KafkaAdmin.NewTopics wafleetTopics(SessionWorkerProperties properties) {
        SessionWorkerProperties.Kafka kafka = properties.kafka();
        return new KafkaAdmin.NewTopics(Topics.all(kafka.partitions(), kafka.replication()).toArray(NewTopic[]::new));
    }

    @Bean
    ProducerFactory<String, Object> producerFactory(KafkaProperties boot, MeterRegistry meters) {
        Map<String, Object> config = boot.buildProducerProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // Kafka 4's default linger (5 ms) would be added to every command that waits for its events;
        // under load batches form anyway while earlier ones are in flight
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 1);
        // Dead letters keep the original bytes; everything else is the contract's JSON.
        Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(Object.class, WafleetJson.serializer());
        var factory = new DefaultKafkaProducerFactory<String, Object>(config, new StringSerializer(),
                new DelegatingByTypeSerializer(byType, true));
        factory.addListener(new MicrometerProducerListener<>(meters));
        return factory;
    }

    @Bean
    KafkaTemplate<String, Object> kafkaTemplate(ProducerFactory<String, Object> producerFactory) {
        return new KafkaTemplate<>(producerFactory);
    }

    /** The Kafka client's own metrics are bound to the registry: {@code kafka.consumer.fetch.manager.records.lag*} is the lag. */
    @Bean
    ConsumerFactory<String, Command> commandConsumerFactory(KafkaProperties boot, SessionWorkerProperties properties,
                                                           MeterRegistry meters) {
        Map<String, Object> config = boot.buildConsumerProperties();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_ID);
        config.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
        config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) properties.kafka().sessionTimeout().toMillis());
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) properties.kafka().heartbeatInterval().toMillis());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        var factory = new DefaultKafkaConsumerFactory<String, Command>(config, new StringDeserializer(),
                new ErrorHandlingDeserializer<>(WafleetJson.commandDeserializer()));
        factory.addListener(new MicrometerConsumerListener<>(meters));
        return factory;
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, Command> kafkaListenerContainerFactory(
            ConsumerFactory<String, Command> commandConsumerFactory, DefaultErrorHandler commandErrorHandler,
            ConsumerAwareRebalanceListener ownership, SessionWorkerProperties properties) {
        ConcurrentKafkaListenerContainerFactory<String, Command> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(commandConsumerFactory);
        factory.setCommonErrorHandler(commandErrorHandler);
        factory.setConcurrency(properties.kafka().concurrency());
        factory.getContainerProperties().setConsumerRebalanceListener(ownership);
        return factory;
    }

    /**
     * Failing commands are retried a few times, then rejected. A command that waits on something
     * outside it is retried without limit, so it is never dropped: its account's lease (held by a worker
     * that has not let go yet; the lease expires by itself once its holder is gone), or MongoDB or Kafka
     * being out of reach (a transient outage says nothing about the command).
     */
    @Bean
    DefaultErrorHandler commandErrorHandler(RejectedCommandRecoverer recoverer, SessionWorkerProperties properties) {
        SessionWorkerProperties.Kafka kafka = properties.kafka();
        long interval = kafka.retryInterval().toMillis();
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(interval, kafka.retryAttempts() - 1L));
        handler.addNotRetryableExceptions(RejectedCommandException.class);
        handler.setBackOffFunction((record, exception) -> waitsOnOthers(exception)
                ? new FixedBackOff(interval, FixedBackOff.UNLIMITED_ATTEMPTS) : null);
        return handler;
    }

    static boolean waitsOnOthers(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof LeaseUnavailableException
                    || cause instanceof TransientDataAccessException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof org.apache.kafka.common.errors.RetriableException) {
                return true;
            }
        }
        return false;
    }
}
