package io.wafleet.common.event;

import java.time.Instant;

/**
 * {@code message.edited}: {@code from} replaced the text of the message {@code original_message_id}
 * with {@code body}. Field names as go-whatsapp-web-multidevice's webhook.
 */
public record MessageEdited(String id, String chatId, String from, String fromName, Instant timestamp, boolean isFromMe,
                            String originalMessageId, String body) implements MessageChange {
}
