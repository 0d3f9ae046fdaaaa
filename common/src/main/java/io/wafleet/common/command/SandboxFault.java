package io.wafleet.common.command;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.wafleet.common.AccountId;

import java.util.Locale;
import java.util.Objects;

/**
 * Sandbox only: a fault injected into the account's logged-in sandbox session. The worker answers on
 * {@code replyTo} (if set) with the session's status right after the fault, or {@code not_logged_in}.
 *
 * @param kind what happens to the session
 */
public record SandboxFault(String commandId, AccountId accountId, int schemaVersion, Kind kind, ReplyTo replyTo)
        implements Command {

    public SandboxFault {
        Objects.requireNonNull(kind, "kind");
    }

    public enum Kind {
        /** The connection drops; the worker reconnects from the stored login with backoff. */
        DISCONNECT,
        /** The device is unlinked from the phone: the session ends {@code logged_out}, its login is deleted, no retry. */
        LOGGED_OUT;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The kind with this wire name ({@code disconnect}, {@code logged_out}); IllegalArgumentException otherwise. */
        @JsonCreator
        public static Kind fromWire(String value) {
            for (Kind kind : values()) {
                if (kind.wireName().equals(value)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown sandbox fault kind: " + value);
        }
    }
}
