package io.wafleet.common.event;

import java.time.Instant;

/**
 * {@code message.reaction}: {@code from} reacted to the message {@code reacted_message_id} with
 * {@code reaction}; an empty {@code reaction} means the reaction was removed. Field names as
 * go-whatsapp-web-multidevice's webhook.
 */
public record MessageReaction(String id, String chatId, String from, String fromName, Instant timestamp, boolean isFromMe,
                              String reaction, String reactedMessageId) implements MessageChange {
}
