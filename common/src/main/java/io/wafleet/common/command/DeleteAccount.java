package io.wafleet.common.command;

import io.wafleet.common.AccountId;

/** The account was deleted: log its session out and drop everything the worker keeps for it. */
public record DeleteAccount(String commandId, AccountId accountId, int schemaVersion) implements Command {
}
