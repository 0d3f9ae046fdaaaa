package io.wafleet.common.command;

import io.wafleet.common.AccountId;

/**
 * Log in a Cloud API account with the access token stored in its settings: the worker checks the token
 * against the Graph API and answers with the account's status on {@code replyTo} (if set). It carries no
 * secret: the worker reads the account's sealed settings.
 */
public record LoginWithToken(String commandId, AccountId accountId, int schemaVersion, ReplyTo replyTo) implements Command {
}
