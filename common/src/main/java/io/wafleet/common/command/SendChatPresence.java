package io.wafleet.common.command;

import io.wafleet.common.AccountId;

/**
 * Show the chat {@code phone} (a person or a group) that the account is typing ({@code composing}) or
 * stopped ({@code paused}). An effect, not a message: no outcome event, and a replay may show it again;
 * an account without a logged-in session shows nothing.
 */
public record SendChatPresence(String commandId, AccountId accountId, int schemaVersion, String phone, ChatState state)
        implements Command {
}
