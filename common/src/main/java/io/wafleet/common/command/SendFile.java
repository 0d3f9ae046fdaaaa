package io.wafleet.common.command;

import io.wafleet.common.AccountId;

import java.time.Instant;

/** Send a document (a file of any type) with an optional caption; the file was stored first and is referenced. */
public record SendFile(String commandId, AccountId accountId, int schemaVersion, String messageId, String phone,
                       String caption, MediaRef file, Instant expiresAt) implements Command {
}
