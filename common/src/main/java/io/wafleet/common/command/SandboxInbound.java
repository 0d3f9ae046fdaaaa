package io.wafleet.common.command;

import io.wafleet.common.AccountId;

/**
 * Sandbox only: a message from {@code from} (a phone number or WhatsApp id) arrives at the account.
 * Also how the sandbox network carries a send between two accounts of the fleet; {@code forwarded}
 * (optional) marks a forwarded message.
 */
public record SandboxInbound(String commandId, AccountId accountId, int schemaVersion, String messageId, String from,
                             String fromName, String message, MediaRef media, GeoLocation location,
                             ContactCard contact, PollSpec poll, Boolean forwarded) implements Command {

    /** A message that was not forwarded. */
    public SandboxInbound(String commandId, AccountId accountId, int schemaVersion, String messageId, String from,
                          String fromName, String message, MediaRef media, GeoLocation location, ContactCard contact,
                          PollSpec poll) {
        this(commandId, accountId, schemaVersion, messageId, from, fromName, message, media, location, contact, poll, null);
    }

    /** A text (and optionally media) message, without location, contact or poll. */
    public SandboxInbound(String commandId, AccountId accountId, int schemaVersion, String messageId, String from,
                          String fromName, String message, MediaRef media) {
        this(commandId, accountId, schemaVersion, messageId, from, fromName, message, media, null, null, null, null);
    }
}
