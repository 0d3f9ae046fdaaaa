package io.wafleet.gateway.kafka;

import io.wafleet.common.Topics;
import io.wafleet.common.event.Reply;
import io.wafleet.common.json.WafleetJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.core.JacksonException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Reads every partition of {@code wafleet.replies} on a dedicated thread (assigned, no consumer
 * group, so instances never rebalance each other) and completes this instance's waiting calls.
 *
 * <p>It starts in an earlier lifecycle phase than the web server and resolves its end offsets before
 * returning from {@link #start()}, so the port opens (and readiness is reported) only once no reply
 * to a call can be skipped.
 */
class ReplyListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReplyListener.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration METADATA_RETRY = Duration.ofMillis(200);

    private final Map<String, Object> config;
    private final InstanceId instance;
    private final PendingReplies pending;
    private final Duration startTimeout;
    private volatile boolean running;
    private KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    ReplyListener(Map<String, Object> config, InstanceId instance, PendingReplies pending, Duration startTimeout) {
        this.config = config;
        this.instance = instance;
        this.pending = pending;
        this.startTimeout = startTimeout;
    }

    @Override
    public void start() {
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = replyPartitions();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(partition -> consumer.position(partition, startTimeout));
        running = true;
        thread = Thread.ofPlatform().name("wafleet-replies").daemon().start(this::pollLoop);
        log.info("listening for replies to instance {} on {} partitions of {}", instance.value(), partitions.size(),
                Topics.REPLIES);
    }

    /** The topic was just created by the admin; its metadata may take a moment to reach the broker. */
    private List<TopicPartition> replyPartitions() {
        Instant deadline = Instant.now().plus(startTimeout);
        List<PartitionInfo> infos = consumer.partitionsFor(Topics.REPLIES, startTimeout);
        while (infos.isEmpty() && Instant.now().isBefore(deadline)) {
            pause();
            infos = consumer.partitionsFor(Topics.REPLIES, startTimeout);
        }
        if (infos.isEmpty()) {
            throw new IllegalStateException("topic " + Topics.REPLIES + " does not exist; is Kafka reachable?");
        }
        return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }

    private static void pause() {
        try {
            Thread.sleep(METADATA_RETRY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + Topics.REPLIES, e);
        }
    }

    private void pollLoop() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    handle(record);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            log.error("reply consumer stopped; login calls will time out until restart", e);
        } finally {
            consumer.close();
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        if (!instance.value().equals(record.key()) || record.value() == null) {
            return;
        }
        try {
            Reply reply = WafleetJson.mapper().readValue(record.value(), Reply.class);
            if (!pending.complete(reply)) {
                log.debug("reply {} arrived after its call ended", reply.correlationId());
            }
        } catch (JacksonException e) {
            log.warn("unreadable reply at {}-{} offset {} skipped", record.topic(), record.partition(), record.offset());
        }
    }

    @Override
    public void stop() {
        running = false;
        if (thread == null) {
            return;
        }
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server (which starts at DEFAULT_PHASE - 2048), and stopped after it. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 4096;
    }
}
