package io.wafleet.common.command;

import io.wafleet.common.AccountId;

import java.time.Instant;

/** Send a poll. As {@link SendMessage}: {@code messageId} minted by the gateway, {@code expiresAt} optional. */
public record SendPoll(String commandId, AccountId accountId, int schemaVersion, String messageId, String phone,
                       PollSpec poll, Instant expiresAt) implements Command {
}
