package io.wafleet.common.command;

import io.wafleet.common.AccountId;

/** What WhatsApp shows a member about the group {@code groupId}; answered on {@code reply_to}. */
public record GetGroupInfo(String commandId, AccountId accountId, int schemaVersion, String groupId, ReplyTo replyTo)
        implements Command {
}
