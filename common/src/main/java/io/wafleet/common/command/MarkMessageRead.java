package io.wafleet.common.command;

import io.wafleet.common.AccountId;

/** Mark a received message read: its sender gets a {@code read} receipt. */
public record MarkMessageRead(String commandId, AccountId accountId, int schemaVersion, String messageId, String phone)
        implements MessageCommand {
}
