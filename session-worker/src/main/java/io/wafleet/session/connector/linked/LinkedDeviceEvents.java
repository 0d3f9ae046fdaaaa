package io.wafleet.session.connector.linked;

import io.wafleet.common.command.GeoLocation;
import io.wafleet.common.event.MessageAcked;
import io.wafleet.common.event.MessageReceived;
import it.auties.whatsapp.model.info.ChatMessageInfo;
import it.auties.whatsapp.model.info.ContextInfo;
import it.auties.whatsapp.model.jid.Jid;
import it.auties.whatsapp.model.jid.JidServer;
import it.auties.whatsapp.model.message.model.ContextualMessage;
import it.auties.whatsapp.model.message.model.MediaMessage;
import it.auties.whatsapp.model.message.model.Message;
import it.auties.whatsapp.model.message.standard.ImageMessage;
import it.auties.whatsapp.model.message.standard.LocationMessage;
import it.auties.whatsapp.model.message.standard.TextMessage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Cobalt's messages as wafleet's events, with the fields as the sandbox fills them: {@code chat_id} a
 * WhatsApp id ({@code ...@s.whatsapp.net} or {@code ...@g.us}), {@code from} the sender's digits.
 * Media arrive described (kind, MIME type, caption) but not downloaded: {@code media_id} stays empty.
 */
final class LinkedDeviceEvents {

    private LinkedDeviceEvents() {
    }

    /** The {@code message} event of a message the account received, or empty for one that is not a chat message (a protocol or empty message). */
    static Optional<MessageReceived> received(ChatMessageInfo info, Instant fallbackTime) {
        Message content = info.message().unbox().content();
        long seconds = info.timestampSeconds().orElse(0);
        Instant at = seconds > 0 ? Instant.ofEpochSecond(seconds) : fallbackTime;
        String chat = info.chatJid().toSimpleJid().toString();
        String from = info.senderJid() == null ? null : info.senderJid().user();
        String name = info.pushName().orElse(null);
        Optional<ContextInfo> context = content instanceof ContextualMessage<?> contextual ? contextual.contextInfo() : Optional.empty();
        boolean forwarded = context.map(ContextInfo::forwarded).orElse(false);
        String repliedId = context.flatMap(ContextInfo::quotedMessageId).orElse(null);
        return switch (content) {
            case TextMessage text -> Optional.of(new MessageReceived(info.id(), chat, from, name, at, info.fromMe(),
                    text.text(), null, null, null, null, null, null, null, null, forwarded, repliedId));
            case ImageMessage image -> {
                String caption = image.caption().orElse(null);
                yield Optional.of(new MessageReceived(info.id(), chat, from, name, at, info.fromMe(), caption,
                        "image", image.mimetype().orElse(null), caption, null, null, null, null, null, forwarded, repliedId));
            }
            case LocationMessage location -> Optional.of(new MessageReceived(info.id(), chat, from, name, at, info.fromMe(),
                    null, null, null, null, null, null, geoLocation(location), null, null, forwarded, repliedId));
            case MediaMessage<?> media -> Optional.of(new MessageReceived(info.id(), chat, from, name, at, info.fromMe(),
                    null, mediaType(media), null, null, null, null, null, null, null, forwarded, repliedId));
            default -> Optional.empty();
        };
    }

    /**
     * The {@code message.ack} of a status change of a message the account sent: {@code sent} once
     * WhatsApp's server took it, {@code delivered}, {@code read} (played counts as read); empty otherwise.
     */
    static Optional<MessageAcked> receipt(ChatMessageInfo info) {
        String type = switch (info.status()) {
            case SERVER_ACK -> "sent";
            case DELIVERED -> "delivered";
            case READ, PLAYED -> "read";
            case ERROR, PENDING -> null;
        };
        if (type == null || !info.fromMe()) {
            return Optional.empty();
        }
        String chat = info.chatJid().toSimpleJid().toString();
        return Optional.of(new MessageAcked(List.of(info.id()), type, chat, chat));
    }

    /** A phone number (digits) or WhatsApp id as cobalt addresses a chat. */
    static Jid jidOf(String chat) {
        String trimmed = chat.startsWith("+") ? chat.substring(1) : chat;
        return trimmed.contains("@") ? Jid.of(trimmed) : Jid.of(trimmed, JidServer.whatsapp());
    }

    private static GeoLocation geoLocation(LocationMessage location) {
        return new GeoLocation(location.latitude(), location.longitude(), location.name().orElse(null),
                location.address().orElse(null));
    }

    private static String mediaType(MediaMessage<?> media) {
        return switch (media.mediaType()) {
            case IMAGE -> "image";
            case VIDEO -> "video";
            case AUDIO -> "audio";
            case STICKER -> "sticker";
            default -> "document";
        };
    }
}
