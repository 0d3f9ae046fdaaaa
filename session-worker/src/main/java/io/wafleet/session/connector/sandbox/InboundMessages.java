package io.wafleet.session.connector.sandbox;

import io.wafleet.common.command.MediaRef;
import io.wafleet.common.command.SandboxChatPresence;
import io.wafleet.common.command.SandboxInbound;
import io.wafleet.common.command.SandboxMessageUpdate;
import io.wafleet.common.connector.SessionListener;
import io.wafleet.common.event.ChatPresenceChanged;
import io.wafleet.common.event.MessageAcked;
import io.wafleet.common.event.MessageEdited;
import io.wafleet.common.event.MessageReaction;
import io.wafleet.common.event.MessageReceived;
import io.wafleet.common.event.MessageRevoked;

import java.time.Instant;
import java.util.List;

/**
 * How what the sandbox network carries to an account reaches its session's listener: a message
 * ({@code SandboxInbound}) as a {@code message} event (in the group's chat when sent to a group);
 * another account's action on a message of the chat ({@code SandboxMessageUpdate}) as
 * {@code message.reaction}, {@code message.revoked}, {@code message.edited} or a {@code read} receipt; another account typing in the chat
 * ({@code SandboxChatPresence}) as {@code chat_presence}.
 */
final class InboundMessages {

    private InboundMessages() {
    }

    /** The message id of an injected message (its command id when it names none). */
    static String idOf(SandboxInbound inbound) {
        return inbound.messageId() != null ? inbound.messageId() : inbound.commandId();
    }

    static MessageReceived received(SandboxInbound inbound, Instant at) {
        String from = SandboxIds.digits(inbound.from());
        String chat = inbound.group() != null ? inbound.group() : from + "@s.whatsapp.net";
        MediaRef media = inbound.media();
        String id = idOf(inbound);
        boolean forwarded = Boolean.TRUE.equals(inbound.forwarded());
        if (media == null) {
            return new MessageReceived(id, chat, from, inbound.fromName(), at, false, inbound.message(),
                    null, null, null, null, null, inbound.location(), inbound.contact(), inbound.poll(), forwarded,
                    inbound.repliedId());
        }
        String mediaType = inbound.mediaType() != null ? inbound.mediaType() : mediaType(media.mimeType());
        return new MessageReceived(id, chat, from, inbound.fromName(), at, false, inbound.message(),
                mediaType, media.mimeType(), inbound.message(), media.mediaId(), media.fileName(), null, null, null, forwarded,
                inbound.repliedId());
    }

    /** Reports the update; its {@code command_id} (the protocol message's id) is the event payload's {@code id}. */
    static void report(SandboxMessageUpdate update, SessionListener listener, Instant at) {
        String from = SandboxIds.digits(update.from());
        String chat = SandboxIds.jid(from);
        String id = update.commandId();
        switch (update.kind()) {
            case REACTION -> listener.messageChanged(new MessageReaction(id, chat, from, update.fromName(), at, false,
                    update.emoji() == null ? "" : update.emoji(), update.messageId()));
            case REVOKED -> listener.messageChanged(new MessageRevoked(id, chat, from, update.fromName(), at, false,
                    update.messageId(), false, chat));
            case EDITED -> listener.messageChanged(new MessageEdited(id, chat, from, update.fromName(), at, false,
                    update.messageId(), update.message()));
            case READ -> listener.receiptReceived(new MessageAcked(List.of(update.messageId()), "read", chat, chat));
        }
    }

    /** A chat presence of the person {@code from}: the chat is theirs, as WhatsApp keys a person's chat. */
    static ChatPresenceChanged chatPresence(SandboxChatPresence presence, Instant at) {
        String from = SandboxIds.digits(presence.from());
        return new ChatPresenceChanged(SandboxIds.jid(from), from, presence.fromName(), presence.state(), at);
    }

    private static String mediaType(String mimeType) {
        if (mimeType == null) {
            return "document";
        }
        String kind = mimeType.substring(0, Math.max(0, mimeType.indexOf('/')));
        return switch (kind) {
            case "image", "video", "audio" -> kind;
            default -> "document";
        };
    }
}
