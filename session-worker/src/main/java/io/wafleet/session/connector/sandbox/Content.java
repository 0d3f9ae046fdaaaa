package io.wafleet.session.connector.sandbox;

import io.wafleet.common.AccountId;
import io.wafleet.common.command.Command;
import io.wafleet.common.command.ContactCard;
import io.wafleet.common.command.GeoLocation;
import io.wafleet.common.command.MediaRef;
import io.wafleet.common.command.PollSpec;
import io.wafleet.common.command.SandboxInbound;
import io.wafleet.common.connector.OutboundMessage;

/**
 * What a carried message holds, as the sandbox network keeps it: its text (a text, a link's text, a
 * media's caption), media reference and kind, location, contact or poll, and whether it was forwarded. Enough to
 * deliver it again (a forward) and to tell whether it has text to edit; and the message it replies to.
 */
record Content(String text, MediaRef media, String mediaType, GeoLocation location, ContactCard contact, PollSpec poll,
               boolean forwarded, String repliedId) {

    /** Content that replies to no message. */
    Content(String text, MediaRef media, String mediaType, GeoLocation location, ContactCard contact, PollSpec poll,
            boolean forwarded) {
        this(text, media, mediaType, location, contact, poll, forwarded, null);
    }

    /** The content of a send; a forward has none of its own (its original's is looked up). */
    static Content of(OutboundMessage message) {
        return switch (message) {
            case OutboundMessage.Text t -> new Content(t.text(), null, null, null, null, null, false, t.replyTo());
            case OutboundMessage.Media m -> new Content(m.caption(), m.media(), m.mediaType(), null, null, null, false);
            case OutboundMessage.Location l -> new Content(null, null, null, l.location(), null, null, false);
            case OutboundMessage.Contact c -> new Content(null, null, null, null, c.contact(), null, false);
            case OutboundMessage.Poll p -> new Content(null, null, null, null, null, p.poll(), false);
            case OutboundMessage.Link l -> new Content(l.text(), null, null, null, null, null, false);
            case OutboundMessage.Forward f -> throw new IllegalArgumentException("a forward carries its original's content");
        };
    }

    /** The content of a message injected from a contact. */
    static Content of(SandboxInbound inbound) {
        return new Content(inbound.message(), inbound.media(), inbound.mediaType(), inbound.location(), inbound.contact(),
                inbound.poll(), Boolean.TRUE.equals(inbound.forwarded()), inbound.repliedId());
    }

    /** Text messages, links and captioned media can be edited; locations, contacts and polls cannot. */
    boolean editable() {
        return text != null && location == null && contact == null && poll == null;
    }

    /** A forward is a message of its own: it replies to nothing. */
    Content forwardedCopy() {
        return new Content(text, media, mediaType, location, contact, poll, true, null);
    }

    /**
     * This content arriving at {@code recipient} as the message {@code messageId} from {@code from}, in the
     * group {@code group} (null for a message to the recipient itself).
     */
    SandboxInbound inbound(String commandId, AccountId recipient, String messageId, String from, String fromName, String group) {
        return new SandboxInbound(commandId, recipient, Command.SCHEMA_VERSION, messageId, from, fromName, text, media,
                mediaType, location, contact, poll, forwarded ? Boolean.TRUE : null, group, repliedId);
    }
}
