package io.wafleet.common.event;

/** {@code message.sent}: the account's session handed the message to WhatsApp. */
public record MessageSent(String messageId, String to, String messageType) implements EventPayload {
}
