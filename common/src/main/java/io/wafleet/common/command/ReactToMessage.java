package io.wafleet.common.command;

import io.wafleet.common.AccountId;

/** React to a message with {@code emoji}; an empty {@code emoji} removes the account's reaction. */
public record ReactToMessage(String commandId, AccountId accountId, int schemaVersion, String messageId, String phone,
                             String emoji) implements MessageCommand {
}
