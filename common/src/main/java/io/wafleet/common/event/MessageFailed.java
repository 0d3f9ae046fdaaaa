package io.wafleet.common.event;

/** {@code message.failed}: the send ended without reaching WhatsApp; {@code reason} says why ({@code expired}, {@code logged_out}, ...). */
public record MessageFailed(String messageId, String to, String reason) implements EventPayload {
}
