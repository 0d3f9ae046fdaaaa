package io.wafleet.common.command;

import io.wafleet.common.AccountId;

/** What WhatsApp shows the account about {@code phone}; answered on {@code reply_to}. */
public record GetUserInfo(String commandId, AccountId accountId, int schemaVersion, String phone, ReplyTo replyTo)
        implements Command {
}
