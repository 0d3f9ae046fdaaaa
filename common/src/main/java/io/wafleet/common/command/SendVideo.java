package io.wafleet.common.command;

import io.wafleet.common.AccountId;

import java.time.Instant;

/** Send a video with an optional caption; the video was stored first and is referenced. */
public record SendVideo(String commandId, AccountId accountId, int schemaVersion, String messageId, String phone,
                        String caption, MediaRef video, Instant expiresAt) implements Command {
}
