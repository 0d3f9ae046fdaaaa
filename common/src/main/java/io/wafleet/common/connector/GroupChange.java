package io.wafleet.common.connector;

import java.util.List;

/** A group after a change of its participants (or its creation), with what became of each participant named. */
public record GroupChange(GroupInfo group, List<ParticipantResult> participants) {

    public GroupChange {
        participants = List.copyOf(participants);
    }
}
