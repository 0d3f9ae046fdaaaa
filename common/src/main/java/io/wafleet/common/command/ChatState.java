package io.wafleet.common.command;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * What an account shows the other people of one chat (WhatsApp's chat state): typing
 * ({@code composing}) or no longer typing ({@code paused}). Names as whatsmeow's chat presence.
 */
public enum ChatState {
    COMPOSING, PAUSED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state with this wire name ({@code composing}, {@code paused}); IllegalArgumentException otherwise. */
    @JsonCreator
    public static ChatState fromWire(String value) {
        for (ChatState state : values()) {
            if (state.wireName().equals(value)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown chat state: " + value);
    }
}
