package io.wafleet.common.command;

import io.wafleet.common.AccountId;

/** Delete one of the account's own messages for everyone in the chat. */
public record RevokeMessage(String commandId, AccountId accountId, int schemaVersion, String messageId, String phone)
        implements MessageCommand {
}
