package io.wafleet.common.event;

import java.time.Instant;

/**
 * {@code message.revoked}: {@code from} deleted the message {@code revoked_message_id} of the chat
 * {@code revoked_chat} for everyone; {@code revoked_from_me} says whether that message was the
 * account's own. Field names as go-whatsapp-web-multidevice's webhook.
 */
public record MessageRevoked(String id, String chatId, String from, String fromName, Instant timestamp, boolean isFromMe,
                             String revokedMessageId, boolean revokedFromMe, String revokedChat) implements MessageChange {
}
