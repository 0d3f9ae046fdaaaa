package io.wafleet.webhook.kafka;

import io.wafleet.webhook.delivery.DeliveryService;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.scheduling.TaskScheduler;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts the delivery of each record of one listener container and returns at once: no consumer
 * thread ever waits for an endpoint. Per consumer it bounds the deliveries in flight
 * ({@link InFlightWindow}) and commits each partition only up to its oldest unfinished delivery
 * ({@link PartitionOffsets}, through {@code MANUAL} acknowledgments).
 *
 * <p>On the retry tiers, a record whose due time has not come is not started: the consumer is sought
 * back to it and its partition paused until then (a timer resumes it; nothing sleeps), while the
 * tier's other partitions go on. The same record then comes again and is checked again.
 */
final class DeliveryDispatcher implements ConsumerAwareRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

    private final String listenerId;
    private final boolean waitsForDueTime;
    private final int maxInFlight;
    private final DeliveryService deliveries;
    private final UnparseableRecords unparseable;
    private final KafkaListenerEndpointRegistry registry;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final Map<Consumer<?, ?>, ConsumerFlow> flows = new ConcurrentHashMap<>();

    DeliveryDispatcher(String listenerId, boolean waitsForDueTime, int maxInFlight, DeliveryService deliveries,
                       UnparseableRecords unparseable, KafkaListenerEndpointRegistry registry, TaskScheduler scheduler,
                       Clock clock) {
        this.listenerId = listenerId;
        this.waitsForDueTime = waitsForDueTime;
        this.maxInFlight = maxInFlight;
        this.deliveries = deliveries;
        this.unparseable = unparseable;
        this.registry = registry;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Called on the consumer's thread for each record, in order. */
    void dispatch(ConsumerRecord<String, DeliverableEvent> record, Acknowledgment ack, Consumer<?, ?> consumer) {
        ConsumerFlow flow = flows.computeIfAbsent(consumer, c -> new ConsumerFlow(containerOf(record), maxInFlight));
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        if (flow.isBeyondRewind(partition, record.offset()) || (waitsForDueTime && heldUntilDue(flow, partition, record, consumer))) {
            return;
        }
        PartitionOffsets offsets = flow.offsets(partition);
        offsets.started(record.offset(), ack);
        flow.window().started();
        delivery(record)
                .onErrorResume(failure -> {
                    log.error("Delivery of the record of {} at offset {} failed unexpectedly; it is not retried",
                            partition, record.offset(), failure);
                    return Mono.empty();
                })
                .doFinally(signal -> {
                    offsets.finished(record.offset());
                    flow.window().finished();
                })
                .subscribe();
    }

    private Mono<Void> delivery(ConsumerRecord<String, DeliverableEvent> record) {
        if (record.value() == null) {
            unparseable.skip(record);
            return Mono.empty();
        }
        DeliverableEvent value = record.value();
        return Mono.defer(() -> deliveries.deliver(value.event(), value.json(), RetryHeaders.attempt(record.headers())));
    }

    private boolean heldUntilDue(ConsumerFlow flow, TopicPartition partition, ConsumerRecord<String, DeliverableEvent> record,
                                 Consumer<?, ?> consumer) {
        Instant due = RetryHeaders.dueAt(record.headers());
        if (!due.isAfter(clock.instant())) {
            return false;
        }
        consumer.seek(partition, record.offset());
        flow.rewound(partition, record.offset());
        MessageListenerContainer container = flow.container();
        container.pausePartition(partition);
        scheduler.schedule(() -> container.resumePartition(partition), due);
        log.trace("{} waits until {} for its head at offset {}", partition, due, record.offset());
        return true;
    }

    /** The container of this consumer alone: its pause and resume are lock-free, unlike the concurrent parent's. */
    private MessageListenerContainer containerOf(ConsumerRecord<?, ?> record) {
        MessageListenerContainer parent = registry.getListenerContainer(listenerId);
        MessageListenerContainer own = parent == null ? null : parent.getContainerFor(record.topic(), record.partition());
        return own != null ? own : parent;
    }

    @Override
    public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        forget(consumer, partitions);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        forget(consumer, partitions);
    }

    private void forget(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        ConsumerFlow flow = flows.get(consumer);
        if (flow != null) {
            flow.revoked(partitions);
        }
    }
}
