package io.wafleet.common.command;

import io.wafleet.common.AccountId;

/**
 * Sandbox only: a message from {@code from} (a phone number or WhatsApp id) arrives at the account.
 * Also how the sandbox network carries a send between two accounts of the fleet. {@code mediaType}
 * (optional) says how WhatsApp kinds the media ({@code sticker}, {@code document}, ...); without it the
 * media's MIME type decides. {@code forwarded} (optional) marks a forwarded message. {@code group}
 * (optional) is the group it was sent in, when {@code from} sent it to a group the account is in;
 * {@code repliedId} (optional) the message it replies to.
 */
public record SandboxInbound(String commandId, AccountId accountId, int schemaVersion, String messageId, String from,
                             String fromName, String message, MediaRef media, String mediaType,
                             GeoLocation location, ContactCard contact, PollSpec poll, Boolean forwarded, String group,
                             String repliedId)
        implements Command {

    /** A message that replies to none. */
    public SandboxInbound(String commandId, AccountId accountId, int schemaVersion, String messageId, String from,
                          String fromName, String message, MediaRef media, String mediaType,
                          GeoLocation location, ContactCard contact, PollSpec poll, Boolean forwarded, String group) {
        this(commandId, accountId, schemaVersion, messageId, from, fromName, message, media, mediaType, location, contact,
                poll, forwarded, group, null);
    }

    /** A message sent to the account itself, not in a group. */
    public SandboxInbound(String commandId, AccountId accountId, int schemaVersion, String messageId, String from,
                          String fromName, String message, MediaRef media, String mediaType,
                          GeoLocation location, ContactCard contact, PollSpec poll, Boolean forwarded) {
        this(commandId, accountId, schemaVersion, messageId, from, fromName, message, media, mediaType, location, contact,
                poll, forwarded, null, null);
    }

    /** A text (and optionally media, its kind told by its type) message, without location, contact or poll. */
    public SandboxInbound(String commandId, AccountId accountId, int schemaVersion, String messageId, String from,
                          String fromName, String message, MediaRef media) {
        this(commandId, accountId, schemaVersion, messageId, from, fromName, message, media, null, null, null, null, null, null,
                null);
    }
}
