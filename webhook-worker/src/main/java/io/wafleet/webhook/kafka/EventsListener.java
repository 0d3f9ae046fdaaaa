package io.wafleet.webhook.kafka;

import io.wafleet.common.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Hands every record of {@code wafleet.events} and of the retry tiers to its container's
 * {@link DeliveryDispatcher}, which starts the delivery and returns at once.
 */
@Component
class EventsListener {

    private final DeliveryDispatcher events;
    private final DeliveryDispatcher retries;

    EventsListener(@Qualifier("eventsDispatcher") DeliveryDispatcher events,
                   @Qualifier("retriesDispatcher") DeliveryDispatcher retries) {
        this.events = events;
        this.retries = retries;
    }

    @KafkaListener(id = KafkaSetup.EVENTS_LISTENER_ID, idIsGroup = false, topics = Topics.EVENTS,
            containerFactory = "eventsContainerFactory")
    void onEvent(ConsumerRecord<String, DeliverableEvent> record, Acknowledgment ack, Consumer<?, ?> consumer) {
        events.dispatch(record, ack, consumer);
    }

    @KafkaListener(id = KafkaSetup.RETRIES_LISTENER_ID, idIsGroup = false,
            topics = {Topics.EVENTS_RETRY_1, Topics.EVENTS_RETRY_2, Topics.EVENTS_RETRY_3},
            containerFactory = "retriesContainerFactory")
    void onRetry(ConsumerRecord<String, DeliverableEvent> record, Acknowledgment ack, Consumer<?, ?> consumer) {
        retries.dispatch(record, ack, consumer);
    }
}
