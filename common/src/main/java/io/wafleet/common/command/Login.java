package io.wafleet.common.command;

import io.wafleet.common.AccountId;

/** Start a QR-code login. The worker answers with the QR text on {@code replyTo} (if set) and a {@code session.qr} event. */
public record Login(String commandId, AccountId accountId, int schemaVersion, ReplyTo replyTo) implements Command {
}
