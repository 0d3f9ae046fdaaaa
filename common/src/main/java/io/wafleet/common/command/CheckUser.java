package io.wafleet.common.command;

import io.wafleet.common.AccountId;

/** Is {@code phone} on WhatsApp? Asked through the account's session; answered on {@code reply_to}. */
public record CheckUser(String commandId, AccountId accountId, int schemaVersion, String phone, ReplyTo replyTo)
        implements Command {
}
