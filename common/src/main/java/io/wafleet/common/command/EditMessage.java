package io.wafleet.common.command;

import io.wafleet.common.AccountId;

/** Replace the text of one of the account's own messages, as WhatsApp allows within 15 minutes of sending it. */
public record EditMessage(String commandId, AccountId accountId, int schemaVersion, String messageId, String phone,
                          String message) implements MessageCommand {
}
