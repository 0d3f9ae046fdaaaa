package io.wafleet.common.command;

import io.wafleet.common.AccountId;

/**
 * Set the account's presence: {@code available} (online) or {@code unavailable} (offline, "last seen").
 * An effect, not a message: no outcome event, and a replay sets the same presence again. An account
 * without a logged-in session has no presence to set: the command does nothing.
 */
public record SendPresence(String commandId, AccountId accountId, int schemaVersion, Presence presence) implements Command {
}
