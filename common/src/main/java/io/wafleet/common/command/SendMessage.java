package io.wafleet.common.command;

import io.wafleet.common.AccountId;

import java.time.Instant;

/**
 * Send a text message. {@code messageId} was minted by whoever accepted the send (the gateway) and is
 * the WhatsApp message id of the outcome events; a send runs at most once per message id.
 * {@code expiresAt} (optional) ends the send as {@code message.failed} with reason {@code expired}
 * if it has not run by then.
 */
public record SendMessage(String commandId, AccountId accountId, int schemaVersion, String messageId, String phone,
                          String message, Instant expiresAt) implements Command {
}
