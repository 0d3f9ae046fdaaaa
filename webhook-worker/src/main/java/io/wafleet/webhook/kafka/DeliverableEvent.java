package io.wafleet.webhook.kafka;

import io.wafleet.common.event.Event;
import io.wafleet.common.json.WafleetJson;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * An event as read from Kafka: parsed, for the worker to route it, and its exact JSON, which is the
 * webhook body, delivered as it was published rather than written out again (the same bytes the
 * session worker serialised, read once).
 */
record DeliverableEvent(Event event, byte[] json) {

    /** The events' deserializer, keeping each record's bytes beside the event they parse into. */
    static Deserializer<DeliverableEvent> deserializer() {
        Deserializer<Event> events = WafleetJson.eventDeserializer();
        return new Deserializer<>() {
            @Override
            public DeliverableEvent deserialize(String topic, byte[] data) {
                return deserialize(topic, null, data);
            }

            @Override
            public DeliverableEvent deserialize(String topic, Headers headers, byte[] data) {
                Event event = events.deserialize(topic, headers, data);
                return event == null ? null : new DeliverableEvent(event, data);
            }

            @Override
            public void close() {
                events.close();
            }
        };
    }
}
