package io.wafleet.common.command;

import io.wafleet.common.AccountId;

/**
 * Sandbox only, for tests of the fleet's own guarantees: the worker that owns the account opens a
 * second sandbox connection for it on purpose, bypassing the account's lease. The sandbox network
 * kicks the account's session with a {@code conflict} (as WhatsApp does) and counts the conflict in
 * {@code GET /sandbox/stats}; the second connection hangs up at once. The worker answers on
 * {@code replyTo} (if set) with the session's status afterwards, or {@code not_logged_in}.
 */
public record SandboxDuplicateConnection(String commandId, AccountId accountId, int schemaVersion, ReplyTo replyTo)
        implements Command {
}
