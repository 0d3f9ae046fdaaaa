package io.wafleet.gateway.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.wafleet.common.Topics;
import io.wafleet.common.json.WafleetJson;
import io.wafleet.gateway.GatewayProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    @Bean
    InstanceId gatewayInstanceId(GatewayProperties properties) {
        String configured = properties.gateway().instanceId();
        return new InstanceId(configured == null || configured.isBlank()
                ? "gateway-" + UUID.randomUUID() : configured);
    }

    /** The contract's topics, created at start-up; nothing relies on broker auto-creation. */
    @Bean
    KafkaAdmin.NewTopics wafleetTopics(GatewayProperties properties) {
        GatewayProperties.Kafka kafka = properties.kafka();
        return new KafkaAdmin.NewTopics(Topics.all(kafka.partitions(), (short) kafka.replication())
                .toArray(NewTopic[]::new));
    }

    @Bean
    KafkaTemplate<String, Object> wafleetKafkaTemplate(KafkaProperties kafkaProperties, GatewayProperties properties,
                                                       InstanceId instance, MeterRegistry meters) {
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildProducerProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, instance.value());
        // each accepted call waits for its command's ack: Kafka 4's default linger (5 ms) would be added
        // to every answer; under load batches form anyway while earlier ones are in flight
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 1);
        // send() blocks while it waits for metadata; bound that by the publish timeout
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, properties.kafka().sendTimeout().toMillis());
        // byte[] values (a stored event being redelivered) go out unchanged; everything else as contract JSON
        Serializer<Object> values = new DelegatingByTypeSerializer(
                Map.of(byte[].class, new ByteArraySerializer(), Object.class, WafleetJson.serializer()), true);
        var factory = new DefaultKafkaProducerFactory<String, Object>(config, new StringSerializer(), values);
        factory.addListener(new MicrometerProducerListener<>(meters));
        return new KafkaTemplate<>(factory);
    }

    @Bean
    ReplyListener replyListener(KafkaProperties kafkaProperties, GatewayProperties properties, InstanceId instance,
                                PendingReplies pending) {
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, instance.value() + "-replies");
        return new ReplyListener(config, instance, pending, properties.gateway().startTimeout());
    }
}
