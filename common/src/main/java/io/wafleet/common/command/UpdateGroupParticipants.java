package io.wafleet.common.command;

import io.wafleet.common.AccountId;

import java.util.List;

/**
 * An admin of the group adds, removes, promotes or demotes {@code participants} ({@code action} is not
 * {@code leave}); answered on {@code reply_to} with each participant's result. A replay changes nothing
 * more: a participant already changed is answered as such.
 */
public record UpdateGroupParticipants(String commandId, AccountId accountId, int schemaVersion, String groupId,
                                      ParticipantAction action, List<String> participants, ReplyTo replyTo)
        implements Command {
}
