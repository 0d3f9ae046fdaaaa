package io.wafleet.common.command;

import io.wafleet.common.AccountId;

/** Log the account's linked device out and forget its credentials; a new login is needed afterwards. */
public record Logout(String commandId, AccountId accountId, int schemaVersion, ReplyTo replyTo) implements Command {
}
