package io.wafleet.common.command;

import io.wafleet.common.AccountId;

import java.time.Instant;

/**
 * Send a link: a text with the URL (WhatsApp shows its preview), {@code caption} (optional) before it.
 * As {@link SendMessage}: {@code messageId} minted by the gateway, {@code expiresAt} optional.
 */
public record SendLink(String commandId, AccountId accountId, int schemaVersion, String messageId, String phone,
                       String link, String caption, Instant expiresAt) implements Command {
}
