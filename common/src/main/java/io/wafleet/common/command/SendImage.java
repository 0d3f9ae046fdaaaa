package io.wafleet.common.command;

import io.wafleet.common.AccountId;

import java.time.Instant;

/** Send an image with an optional caption; the image itself was stored first and is referenced. */
public record SendImage(String commandId, AccountId accountId, int schemaVersion, String messageId, String phone,
                        String caption, MediaRef image, Instant expiresAt) implements Command {
}
