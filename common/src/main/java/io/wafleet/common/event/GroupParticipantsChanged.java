package io.wafleet.common.event;

import io.wafleet.common.command.ParticipantAction;

import java.time.Instant;
import java.util.List;

/**
 * {@code group.participants}: in the group {@code group_id}, {@code participants} (WhatsApp ids) were
 * added, removed, promoted, demoted, or left; {@code by} is who did it (null when WhatsApp did: it promotes
 * a member when the last admin leaves). Every account of the group before or after the change hears it.
 */
public record GroupParticipantsChanged(String groupId, ParticipantAction action, List<String> participants, String by,
                                       Instant timestamp) implements EventPayload {

    public GroupParticipantsChanged {
        participants = List.copyOf(participants);
    }
}
