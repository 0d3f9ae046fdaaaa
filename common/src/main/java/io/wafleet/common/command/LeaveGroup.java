package io.wafleet.common.command;

import io.wafleet.common.AccountId;

/** The account leaves the group {@code groupId}; answered on {@code reply_to}. */
public record LeaveGroup(String commandId, AccountId accountId, int schemaVersion, String groupId, ReplyTo replyTo)
        implements Command {
}
