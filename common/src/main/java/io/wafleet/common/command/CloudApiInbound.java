package io.wafleet.common.command;

import io.wafleet.common.AccountId;

/**
 * Cloud API only: a webhook Meta sent for the account, whose signature the gateway verified, as its raw
 * JSON body ({@code payload}). The owning worker turns its {@code messages} and {@code statuses} into
 * {@code message} and {@code message.ack} events. Its {@code command_id} derives from the body, so a
 * webhook Meta sends again is the same command.
 */
public record CloudApiInbound(String commandId, AccountId accountId, int schemaVersion, String payload) implements Command {
}
