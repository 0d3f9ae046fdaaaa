package io.wafleet.common.command;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * A change of a group's participants: an admin adds, removes, promotes (to admin) or demotes (to plain
 * member) participants; a participant leaves by itself ({@code leave}, which only events carry: the
 * command for it is {@code group.leave}).
 */
public enum ParticipantAction {
    ADD, REMOVE, PROMOTE, DEMOTE, LEAVE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The action with this wire name ({@code add}, {@code remove}, ...); IllegalArgumentException otherwise. */
    @JsonCreator
    public static ParticipantAction fromWire(String value) {
        for (ParticipantAction action : values()) {
            if (action.wireName().equals(value)) {
                return action;
            }
        }
        throw new IllegalArgumentException("unknown participant action: " + value);
    }
}
