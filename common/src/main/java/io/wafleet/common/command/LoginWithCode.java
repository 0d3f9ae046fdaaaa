package io.wafleet.common.command;

import io.wafleet.common.AccountId;

/** Start a pairing-code login for {@code phoneNumber}. The worker answers with the code ({@code XXXX-XXXX}). */
public record LoginWithCode(String commandId, AccountId accountId, int schemaVersion, String phoneNumber, ReplyTo replyTo)
        implements Command {
}
