package io.wafleet.infra.bench;

import io.wafleet.common.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ObjLongConsumer;

/**
 * Reads what is published to {@code wafleet.events} from now on, outside any consumer group (every
 * partition assigned from its end), and hands each record's value to {@code onRecord} with the
 * nanoTime it arrived at.
 */
final class EventsTail implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread poller;

    EventsTail(String bootstrapServers, String name, ObjLongConsumer<byte[]> onRecord) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.EVENTS).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        poller = Thread.ofPlatform().daemon().name(name).start(() -> {
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    onRecord.accept(record.value(), System.nanoTime());
                }
            }
        });
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        poller.join();
        consumer.close();
    }
}
