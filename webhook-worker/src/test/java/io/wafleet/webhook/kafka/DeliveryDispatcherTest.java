package io.wafleet.webhook.kafka;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wafleet.common.AccountId;
import io.wafleet.common.Topics;
import io.wafleet.common.event.Event;
import io.wafleet.common.json.WafleetJson;
import io.wafleet.common.event.MessageReceived;
import io.wafleet.webhook.delivery.DeliveryService;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.scheduling.TaskScheduler;
import reactor.core.publisher.Sinks;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class DeliveryDispatcherTest {

    private static final Instant NOW = Instant.parse("2026-11-26T05:00:00Z");
    private static final TopicPartition EVENTS_0 = new TopicPartition(Topics.EVENTS, 0);
    private static final TopicPartition RETRY_0 = new TopicPartition(Topics.EVENTS_RETRY_1, 0);

    private final DeliveryService deliveries = mock(DeliveryService.class);
    private final MessageListenerContainer container = mock(MessageListenerContainer.class);
    private final KafkaListenerEndpointRegistry registry = mock(KafkaListenerEndpointRegistry.class);
    private final TaskScheduler scheduler = mock(TaskScheduler.class);
    private final Consumer<?, ?> consumer = mock(Consumer.class);
    private final Map<Long, Sinks.Empty<Void>> deliveriesInFlight = new HashMap<>();
    private final List<Long> acknowledged = new ArrayList<>();

    DeliveryDispatcherTest() {
        when(registry.getListenerContainer("listener")).thenReturn(container);
        when(container.getContainerFor(any(), anyInt())).thenReturn(container);
    }

    @Test
    void returnsAtOnceAndCommitsOnlyPastFinishedDeliveries() {
        DeliveryDispatcher dispatcher = dispatcher(false, 10);
        for (long offset = 0; offset < 3; offset++) {
            dispatcher.dispatch(record(EVENTS_0, offset, Map.of()), ack(offset), consumer);
        }
        assertThat(deliveriesInFlight).hasSize(3);

        finish(1);
        finish(2);
        assertThat(acknowledged).isEmpty();
        finish(0);
        assertThat(acknowledged).containsExactly(2L);
    }

    @Test
    void pausesTheConsumerWhenTheWindowIsFullAndResumesWhenItDrains() {
        DeliveryDispatcher dispatcher = dispatcher(false, 4);
        for (long offset = 0; offset < 4; offset++) {
            dispatcher.dispatch(record(EVENTS_0, offset, Map.of()), ack(offset), consumer);
        }
        verify(container).pause();
        verify(container, never()).resume();

        // Resumed at three quarters of the window.
        finish(0);
        verify(container).resume();
    }

    @Test
    void aRetryNotYetDueHoldsItsPartitionWithoutStartingAndComesBackLater() {
        DeliveryDispatcher dispatcher = dispatcher(true, 10);
        Instant due = NOW.plusSeconds(5);

        dispatcher.dispatch(record(RETRY_0, 7, Map.of(RetryHeaders.DUE_AT, due.toEpochMilli())), ack(7), consumer);
        dispatcher.dispatch(record(RETRY_0, 8, Map.of()), ack(8), consumer);

        verify(consumer).seek(RETRY_0, 7);
        verify(container).pausePartition(RETRY_0);
        verify(scheduler).schedule(any(Runnable.class), eq(due));
        assertThat(deliveriesInFlight).isEmpty();

        // After the resume, the same records come again; the head is now due.
        dispatcher.dispatch(record(RETRY_0, 7, Map.of(RetryHeaders.DUE_AT, NOW.toEpochMilli(), RetryHeaders.ATTEMPT, 3)),
                ack(7), consumer);
        dispatcher.dispatch(record(RETRY_0, 8, Map.of()), ack(8), consumer);
        assertThat(deliveriesInFlight).containsOnlyKeys(7L, 8L);
        verify(deliveries).deliver(any(), any(), eq(3));
    }

    @Test
    void nothingIsCommittedForARevokedPartition() {
        DeliveryDispatcher dispatcher = dispatcher(false, 10);
        dispatcher.dispatch(record(EVENTS_0, 0, Map.of()), ack(0), consumer);

        dispatcher.onPartitionsRevokedBeforeCommit(consumer, List.of(EVENTS_0));
        finish(0);

        assertThat(acknowledged).isEmpty();
    }

    private DeliveryDispatcher dispatcher(boolean waitsForDueTime, int maxInFlight) {
        when(deliveries.deliver(any(), any(), anyInt())).thenAnswer(invocation -> {
            Event event = invocation.getArgument(0);
            Sinks.Empty<Void> sink = Sinks.empty();
            deliveriesInFlight.put(Long.parseLong(event.id()), sink);
            return sink.asMono();
        });
        return new DeliveryDispatcher("listener", waitsForDueTime, maxInFlight, deliveries,
                new UnparseableRecords(new SimpleMeterRegistry()), registry, scheduler, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private void finish(long offset) {
        deliveriesInFlight.get(offset).tryEmitEmpty();
    }

    private Acknowledgment ack(long offset) {
        return () -> acknowledged.add(offset);
    }

    private static ConsumerRecord<String, DeliverableEvent> record(TopicPartition partition, long offset, Map<String, Object> headers) {
        Event event = new Event(Long.toString(offset), AccountId.of("alice"), NOW,
                MessageReceived.text("3EB0AAAA", "6289876543210@s.whatsapp.net", "Budi", NOW, "Hai"), Event.SCHEMA_VERSION);
        ConsumerRecord<String, DeliverableEvent> record = new ConsumerRecord<>(partition.topic(), partition.partition(), offset,
                "alice", new DeliverableEvent(event, WafleetJson.mapper().writeValueAsBytes(event)));
        headers.forEach((name, value) -> RetryHeaders.put(record.headers(), name, value));
        return record;
    }
}
