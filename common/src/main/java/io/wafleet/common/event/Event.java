package io.wafleet.common.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.wafleet.common.AccountId;
import io.wafleet.common.MessageIds;

import java.time.Instant;

/**
 * Something that happened on an account's session, published on {@link io.wafleet.common.Topics#EVENTS}
 * with the account id as key, and delivered to the account's webhook as this exact JSON:
 * {@code {"id","event","account_id","timestamp","payload","schema_version"}}.
 *
 * <p>{@code id} is unique and stable: an event republished after a replay keeps its id, so receivers
 * deduplicate on it. {@code event} names the payload's type.
 */
@JsonPropertyOrder({"id", "event", "account_id", "timestamp", "payload", "schema_version"})
public record Event(
        String id,
        AccountId accountId,
        Instant timestamp,
        @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXTERNAL_PROPERTY, property = "event")
        EventPayload payload,
        int schemaVersion) {

    public static final int SCHEMA_VERSION = 1;

    /** An event whose id derives from {@code sourceId} (the command id, or a message id and receipt). */
    public static Event of(String sourceId, AccountId accountId, Instant timestamp, EventPayload payload) {
        String type = EventPayload.typeOf(payload.getClass());
        return new Event(MessageIds.eventId(sourceId, type), accountId, timestamp, payload, SCHEMA_VERSION);
    }

    /** The event's type, as in its {@code event} field ({@code message}, {@code message.ack}, ...). */
    @JsonIgnore
    public String event() {
        return EventPayload.typeOf(payload.getClass());
    }
}
