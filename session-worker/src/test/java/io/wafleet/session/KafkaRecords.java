package io.wafleet.session;

import io.wafleet.common.json.WafleetJson;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A plain Kafka client reading every partition of some topics from the beginning, on a thread of its own. */
final class KafkaRecords implements AutoCloseable {

    record Received(String topic, String key, byte[] value) {

        JsonNode json() {
            return WafleetJson.mapper().readTree(value);
        }

        String text() {
            return new String(value, StandardCharsets.UTF_8);
        }
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;

    KafkaRecords(String bootstrapServers, String... topics) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = java.util.Arrays.stream(topics)
                .flatMap(topic -> consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        poller = Thread.ofPlatform().daemon().name("it-records").start(this::poll);
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    received.add(new Received(record.topic(), record.key(), record.value()));
                }
            }
        } catch (WakeupException stopping) {
            // closing
        } finally {
            consumer.close();
        }
    }

    List<Received> on(String topic, Predicate<Received> filter) {
        return received.stream().filter(r -> r.topic().equals(topic)).filter(filter).toList();
    }

    /** The events of an account of a type, as JSON. */
    List<JsonNode> events(String account, String type) {
        return on(io.wafleet.common.Topics.EVENTS, r -> account.equals(r.key())).stream().map(Received::json)
                .filter(event -> type.equals(event.path("event").asString())).toList();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        poller.join(5000);
    }
}
