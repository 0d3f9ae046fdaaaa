package io.wafleet.common.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;

/**
 * The payload of an {@link Event}. The type names follow go-whatsapp-web-multidevice's webhook events
 * where it has one, so its receivers switch easily.
 */
@JsonSubTypes({
        @JsonSubTypes.Type(value = MessageReceived.class, name = "message"),
        @JsonSubTypes.Type(value = MessageAcked.class, name = "message.ack"),
        @JsonSubTypes.Type(value = MessageSent.class, name = "message.sent"),
        @JsonSubTypes.Type(value = MessageFailed.class, name = "message.failed"),
        @JsonSubTypes.Type(value = MessageReaction.class, name = "message.reaction"),
        @JsonSubTypes.Type(value = MessageRevoked.class, name = "message.revoked"),
        @JsonSubTypes.Type(value = MessageEdited.class, name = "message.edited"),
        @JsonSubTypes.Type(value = MessageActionFinished.class, name = "message.action"),
        @JsonSubTypes.Type(value = ChatPresenceChanged.class, name = "chat_presence"),
        @JsonSubTypes.Type(value = GroupParticipantsChanged.class, name = "group.participants"),
        @JsonSubTypes.Type(value = SessionStatusChanged.class, name = "session.status"),
        @JsonSubTypes.Type(value = QrIssued.class, name = "session.qr"),
        @JsonSubTypes.Type(value = PairCodeIssued.class, name = "session.pair_code"),
        @JsonSubTypes.Type(value = CommandRejected.class, name = "command.rejected"),
})
public sealed interface EventPayload
        permits MessageReceived, MessageAcked, MessageSent, MessageFailed, MessageChange, MessageActionFinished,
        ChatPresenceChanged, GroupParticipantsChanged, SessionStatusChanged, QrIssued, PairCodeIssued, CommandRejected {

    /** The {@code event} name of a payload type, read from the {@link JsonSubTypes} above. */
    static String typeOf(Class<? extends EventPayload> type) {
        for (JsonSubTypes.Type subtype : EventPayload.class.getAnnotation(JsonSubTypes.class).value()) {
            if (subtype.value() == type) {
                return subtype.name();
            }
        }
        throw new IllegalArgumentException("not an event payload: " + type);
    }
}
