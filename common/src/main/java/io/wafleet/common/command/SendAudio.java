package io.wafleet.common.command;

import io.wafleet.common.AccountId;

import java.time.Instant;

/** Send an audio message; the audio was stored first and is referenced. WhatsApp shows audio without a caption. */
public record SendAudio(String commandId, AccountId accountId, int schemaVersion, String messageId, String phone,
                        MediaRef audio, Instant expiresAt) implements Command {
}
