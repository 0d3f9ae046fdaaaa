package io.wafleet.common.event;

import io.wafleet.common.command.ContactCard;
import io.wafleet.common.command.GeoLocation;
import io.wafleet.common.command.PollSpec;

import java.time.Instant;

/**
 * {@code message}: a message arrived at the account. Field names as go-whatsapp-web-multidevice's
 * webhook ({@code id}, {@code chat_id}, {@code from}, {@code from_name}, {@code timestamp},
 * {@code is_from_me}, {@code body}); media messages also carry {@code media_type}, {@code mime_type},
 * {@code caption}, {@code media_id} (its bytes: {@code GET /media/{media_id}}) and {@code file_name};
 * a shared location carries {@code location} ({@code latitude}, {@code longitude}, {@code name},
 * {@code address}), a shared contact {@code contact}
 * ({@code display_name}, {@code phone}), a poll {@code poll} ({@code question}, {@code options},
 * {@code max_answer}). {@code forwarded} marks a forwarded message, {@code replied_id} names the
 * message it replies to.
 */
public record MessageReceived(String id, String chatId, String from, String fromName, Instant timestamp,
                              boolean isFromMe, String body, String mediaType, String mimeType, String caption,
                              String mediaId, String fileName, GeoLocation location, ContactCard contact, PollSpec poll,
                              boolean forwarded, String repliedId)
        implements EventPayload {

    /** A message that replies to none. */
    public MessageReceived(String id, String chatId, String from, String fromName, Instant timestamp, boolean isFromMe,
                           String body, String mediaType, String mimeType, String caption, String mediaId, String fileName,
                           GeoLocation location, ContactCard contact, PollSpec poll, boolean forwarded) {
        this(id, chatId, from, fromName, timestamp, isFromMe, body, mediaType, mimeType, caption, mediaId, fileName, location,
                contact, poll, forwarded, null);
    }

    /** A message of any kind that was not forwarded. */
    public MessageReceived(String id, String chatId, String from, String fromName, Instant timestamp, boolean isFromMe,
                           String body, String mediaType, String mimeType, String caption, String mediaId,
                           GeoLocation location, ContactCard contact, PollSpec poll) {
        this(id, chatId, from, fromName, timestamp, isFromMe, body, mediaType, mimeType, caption, mediaId, null, location,
                contact, poll, false);
    }

    /** A text or media message. */
    public MessageReceived(String id, String chatId, String from, String fromName, Instant timestamp, boolean isFromMe,
                           String body, String mediaType, String mimeType, String caption, String mediaId) {
        this(id, chatId, from, fromName, timestamp, isFromMe, body, mediaType, mimeType, caption, mediaId, null, null, null, null,
                false);
    }

    public static MessageReceived text(String id, String from, String fromName, Instant timestamp, String body) {
        return new MessageReceived(id, from, from, fromName, timestamp, false, body, null, null, null, null);
    }
}
