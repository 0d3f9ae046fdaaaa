package io.wafleet.common.command;

import io.wafleet.common.AccountId;

import java.time.Instant;

/** Send a sticker (a WebP image); it was stored first and is referenced. Stickers have no caption. */
public record SendSticker(String commandId, AccountId accountId, int schemaVersion, String messageId, String phone,
                          MediaRef sticker, Instant expiresAt) implements Command {
}
