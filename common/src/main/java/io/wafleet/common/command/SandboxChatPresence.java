package io.wafleet.common.command;

import io.wafleet.common.AccountId;

/**
 * Sandbox only: how the sandbox network tells an account that another sandbox account, {@code from},
 * is typing ({@code composing}) or stopped ({@code paused}) in their chat. The account's session reports
 * it as a {@code chat_presence} event whose id derives from this command's id. An account that is not
 * logged in does not hear it, as WhatsApp does not keep chat states for later.
 */
public record SandboxChatPresence(String commandId, AccountId accountId, int schemaVersion, String from, String fromName,
                                  ChatState state) implements Command {
}
