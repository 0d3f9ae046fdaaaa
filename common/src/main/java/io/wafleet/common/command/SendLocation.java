package io.wafleet.common.command;

import io.wafleet.common.AccountId;

import java.time.Instant;

/** Send a location. As {@link SendMessage}: {@code messageId} minted by the gateway, {@code expiresAt} optional. */
public record SendLocation(String commandId, AccountId accountId, int schemaVersion, String messageId, String phone,
                           GeoLocation location, Instant expiresAt) implements Command {
}
