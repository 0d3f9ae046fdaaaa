package io.wafleet.common.command;

import io.wafleet.common.AccountId;

/** Star a message, for the account only. */
public record StarMessage(String commandId, AccountId accountId, int schemaVersion, String messageId, String phone)
        implements MessageCommand {
}
