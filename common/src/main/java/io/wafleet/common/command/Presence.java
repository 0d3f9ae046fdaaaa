package io.wafleet.common.command;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * An account's presence as its contacts see it: online ({@code available}) or offline with a "last
 * seen" time ({@code unavailable}). WhatsApp shows it per account, not per chat.
 */
public enum Presence {
    AVAILABLE, UNAVAILABLE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The presence with this wire name ({@code available}, {@code unavailable}); IllegalArgumentException otherwise. */
    @JsonCreator
    public static Presence fromWire(String value) {
        for (Presence presence : values()) {
            if (presence.wireName().equals(value)) {
                return presence;
            }
        }
        throw new IllegalArgumentException("unknown presence: " + value);
    }
}
