package io.wafleet.common.command;

import io.wafleet.common.AccountId;

import java.util.List;

/**
 * Sandbox only: how the sandbox network tells an account, a member of the group {@code groupId} before or
 * after the change, that {@code participants} were added, removed, promoted, demoted or left. {@code by}
 * is who made the change (null when WhatsApp did: the promotion that follows the last admin leaving). The
 * account's session reports it as {@code group.participants}, whose id derives from this command's id; an
 * account that is not logged in does not hear it.
 */
public record SandboxGroupUpdate(String commandId, AccountId accountId, int schemaVersion, String groupId,
                                 ParticipantAction action, List<String> participants, String by) implements Command {
}
