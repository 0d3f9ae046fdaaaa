package io.wafleet.webhook.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.wafleet.common.Topics;
import io.wafleet.common.event.Event;
import io.wafleet.webhook.delivery.DeliveryService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.commons.logging.LogFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Hands each batch of {@code wafleet.events} to the {@link DeliveryService} and returns when it is
 * delivered. A record that does not parse is logged, counted and skipped, so it never holds its partition.
 */
@Component
class EventsListener {

    private static final Logger log = LoggerFactory.getLogger(EventsListener.class);
    private static final LogAccessor LOG_ACCESSOR = new LogAccessor(LogFactory.getLog(EventsListener.class));

    private final DeliveryService deliveries;
    private final Counter unparseable;

    EventsListener(DeliveryService deliveries, MeterRegistry meters) {
        this.deliveries = deliveries;
        this.unparseable = Counter.builder("wafleet.webhook.events.unparseable")
                .description("Records on wafleet.events that did not parse as an event and were skipped")
                .register(meters);
    }

    @KafkaListener(id = KafkaSetup.EVENTS_LISTENER_ID, idIsGroup = false, topics = Topics.EVENTS,
            containerFactory = "eventsContainerFactory")
    void onEvents(List<ConsumerRecord<String, Event>> records) {
        List<Event> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, Event> record : records) {
            if (record.value() != null) {
                events.add(record.value());
            } else {
                skip(record);
            }
        }
        deliveries.deliverBatch(events);
    }

    private void skip(ConsumerRecord<String, Event> record) {
        unparseable.increment();
        DeserializationException failure = SerializationUtils.getExceptionFromHeader(
                record, KafkaUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG_ACCESSOR);
        String cause = failure == null ? "empty value" : String.valueOf(failure.getMostSpecificCause().getMessage());
        log.warn("Skipped a record of {}-{} at offset {} (key {}): not an event: {}",
                record.topic(), record.partition(), record.offset(), record.key(), cause);
    }
}
