package io.wafleet.common.command;

import io.wafleet.common.AccountId;

/** Sandbox only: the simulated phone confirms the account's pending QR or pairing-code login. */
public record SandboxScan(String commandId, AccountId accountId, int schemaVersion, ReplyTo replyTo) implements Command {
}
