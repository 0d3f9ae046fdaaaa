package io.wafleet.common.command;

import io.wafleet.common.AccountId;

/**
 * Forward a message from the chat {@code phone} to the chat {@code to}: its content is sent again as a
 * new message, marked forwarded, whose id {@code forwardedMessageId} was minted by whoever accepted the
 * forward (the gateway). It is a send: at most once per {@code forwardedMessageId}, reported as
 * {@code message.sent} or {@code message.failed} of that id.
 */
public record ForwardMessage(String commandId, AccountId accountId, int schemaVersion, String messageId, String phone,
                             String to, String forwardedMessageId) implements MessageCommand {
}
