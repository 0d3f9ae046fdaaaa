package io.wafleet.common.command;

import io.wafleet.common.AccountId;

/** Remove a message's star, for the account only. */
public record UnstarMessage(String commandId, AccountId accountId, int schemaVersion, String messageId, String phone)
        implements MessageCommand {
}
