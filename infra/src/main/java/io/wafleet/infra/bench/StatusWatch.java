package io.wafleet.infra.bench;

import io.wafleet.common.Topics;
import io.wafleet.common.json.WafleetJson;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads the {@code session.status} events published from now on, as a webhook receiver would see
 * them: when each account was first reported {@code logged_in}, and by which worker. The hand-over
 * times come from here, not from polling MongoDB, so measuring costs the fleet nothing.
 */
final class StatusWatch implements AutoCloseable {

    private record LoggedIn(String owner, long receivedNanos) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, LoggedIn> loggedIn = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread poller;

    StatusWatch(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.EVENTS).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        poller = Thread.ofPlatform().daemon().name("bench-status-watch").start(this::poll);
    }

    /** Receipt times (nanoTime) of the first {@code logged_in} of each account reported by one of these workers. */
    long[] loggedInOn(Collection<String> owners) {
        return loggedIn.values().stream().filter(event -> owners.contains(event.owner()))
                .mapToLong(LoggedIn::receivedNanos).sorted().toArray();
    }

    long countOn(Collection<String> owners) {
        return loggedInOn(owners).length;
    }

    private void poll() {
        while (running.get()) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                long now = System.nanoTime();
                JsonNode event = WafleetJson.mapper().readTree(record.value());
                JsonNode payload = event.path("payload");
                if ("session.status".equals(event.path("event").asString())
                        && "logged_in".equals(payload.path("status").asString())) {
                    loggedIn.putIfAbsent(event.path("account_id").asString(),
                            new LoggedIn(payload.path("owner").asString(), now));
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        poller.join();
        consumer.close();
    }
}
