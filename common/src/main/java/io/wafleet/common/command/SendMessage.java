package io.wafleet.common.command;

import io.wafleet.common.AccountId;

import java.time.Instant;

/**
 * Send a text message. {@code messageId} was minted by whoever accepted the send (the gateway) and is
 * the WhatsApp message id of the outcome events; a send runs at most once per message id.
 * {@code expiresAt} (optional) ends the send as {@code message.failed} with reason {@code expired}
 * if it has not run by then. {@code replyMessageId} (optional) is the id of the message this one
 * replies to (WhatsApp shows it quoted).
 */
public record SendMessage(String commandId, AccountId accountId, int schemaVersion, String messageId, String phone,
                          String message, Instant expiresAt, String replyMessageId) implements Command {

    /** A text that quotes no message. */
    public SendMessage(String commandId, AccountId accountId, int schemaVersion, String messageId, String phone,
                       String message, Instant expiresAt) {
        this(commandId, accountId, schemaVersion, messageId, phone, message, expiresAt, null);
    }
}
