package io.wafleet.common.command;

import io.wafleet.common.AccountId;

import java.time.Instant;

/** Send a contact card. As {@link SendMessage}: {@code messageId} minted by the gateway, {@code expiresAt} optional. */
public record SendContact(String commandId, AccountId accountId, int schemaVersion, String messageId, String phone,
                          ContactCard contact, Instant expiresAt) implements Command {
}
