package io.wafleet.common.command;

import io.wafleet.common.AccountId;

/** Close the account's connection and open it again from the stored credentials. */
public record Reconnect(String commandId, AccountId accountId, int schemaVersion, ReplyTo replyTo) implements Command {
}
