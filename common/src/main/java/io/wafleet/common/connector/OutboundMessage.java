package io.wafleet.common.connector;

import io.wafleet.common.command.ContactCard;
import io.wafleet.common.command.GeoLocation;
import io.wafleet.common.command.MediaRef;
import io.wafleet.common.command.PollSpec;

/** A message to send, with the message id the fleet minted for it. */
public sealed interface OutboundMessage {

    String messageId();

    String to();

    /** {@code replyTo}: the id of the message it quotes, or null. */
    record Text(String messageId, String to, String text, String replyTo) implements OutboundMessage {

        public Text(String messageId, String to, String text) {
            this(messageId, to, text, null);
        }
    }

    /**
     * A stored media file, as WhatsApp kinds it ({@code mediaType}: {@code image}, {@code document},
     * {@code video}, {@code audio} or {@code sticker}); {@code caption} null for kinds without one.
     */
    record Media(String messageId, String to, String mediaType, String caption, MediaRef media) implements OutboundMessage {
    }

    record Location(String messageId, String to, GeoLocation location) implements OutboundMessage {
    }

    record Contact(String messageId, String to, ContactCard contact) implements OutboundMessage {
    }

    record Poll(String messageId, String to, PollSpec poll) implements OutboundMessage {
    }

    /** A link, sent as WhatsApp sends one: a text of the caption (if any) and the URL, with a preview. */
    record Link(String messageId, String to, String link, String caption) implements OutboundMessage {

        /** The text the recipient sees. */
        public String text() {
            return caption == null || caption.isBlank() ? link : caption + "\n" + link;
        }
    }

    /**
     * The message {@code originalId} of the chat {@code originalChat} sent again to {@code to} as a new
     * message {@code messageId}, with the same content, marked forwarded.
     */
    record Forward(String messageId, String to, String originalId, String originalChat) implements OutboundMessage {
    }
}
