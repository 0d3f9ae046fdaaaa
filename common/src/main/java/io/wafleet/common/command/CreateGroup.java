package io.wafleet.common.command;

import io.wafleet.common.AccountId;

import java.util.List;

/**
 * Creates a group named {@code subject} with the account as its owner (superadmin) and {@code participants}
 * (phone numbers or WhatsApp ids of people) as members; answered on {@code reply_to} with the new group and
 * each participant's result. The group id derives from the command id, so a replayed command answers the
 * group it created the first time instead of creating another.
 */
public record CreateGroup(String commandId, AccountId accountId, int schemaVersion, String subject, List<String> participants,
                          ReplyTo replyTo) implements Command {
}
