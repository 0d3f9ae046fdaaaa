package io.wafleet.common.command;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.wafleet.common.AccountId;

import java.util.Locale;
import java.util.Objects;

/**
 * Sandbox only: how the sandbox network tells an account that the other person of a chat (another
 * sandbox account, {@code from}) acted on one of the chat's messages, {@code messageId}. The account's
 * session reports it as {@code message.reaction}, {@code message.revoked}, {@code message.edited}, or
 * a {@code read} receipt. {@code commandId} is the id of the protocol message that carried the change
 * (derived from the action's command id, so a repeat has the same id), reported as the event's {@code id}.
 *
 * @param emoji   the reaction ({@code reaction} only; empty: the reaction was removed)
 * @param message the new text ({@code edited} only)
 */
public record SandboxMessageUpdate(String commandId, AccountId accountId, int schemaVersion, Kind kind, String messageId,
                                   String from, String fromName, String emoji, String message) implements Command {

    public SandboxMessageUpdate {
        Objects.requireNonNull(kind, "kind");
    }

    public enum Kind {
        REACTION, REVOKED, EDITED, READ;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The kind with this wire name; IllegalArgumentException otherwise. */
        @JsonCreator
        public static Kind fromWire(String value) {
            for (Kind kind : values()) {
                if (kind.wireName().equals(value)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown sandbox message update: " + value);
        }
    }
}
