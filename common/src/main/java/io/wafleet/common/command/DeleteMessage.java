package io.wafleet.common.command;

import io.wafleet.common.AccountId;

/** Delete a message for the account only ("delete for me"); the rest of the chat still has it. */
public record DeleteMessage(String commandId, AccountId accountId, int schemaVersion, String messageId, String phone)
        implements MessageCommand {
}
