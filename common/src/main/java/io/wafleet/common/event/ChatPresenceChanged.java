package io.wafleet.common.event;

import io.wafleet.common.command.ChatState;

import java.time.Instant;

/**
 * {@code chat_presence}: {@code from} is typing ({@code composing}) or stopped ({@code paused}) in the
 * chat {@code chat_id}, as whatsmeow reports a chat presence. A signal, not a message: nothing records
 * it, and WhatsApp stops showing {@code composing} by itself after a while.
 */
public record ChatPresenceChanged(String chatId, String from, String fromName, ChatState state, Instant timestamp)
        implements EventPayload {
}
