package io.wafleet.common.connector;

import java.time.Instant;
import java.util.List;

/**
 * A group as WhatsApp shows it to a member: its id ({@code ...@g.us}), subject, owner (the creator's
 * WhatsApp id), when it was created, and its participants with their roles.
 */
public record GroupInfo(String groupId, String subject, String owner, Instant createdAt, List<Participant> participants) {

    public GroupInfo {
        participants = List.copyOf(participants);
    }

    /**
     * A member of a group: its WhatsApp id and phone number; an admin may change the participants, and the
     * superadmin (the creator) is an admin whom no other admin can remove or demote.
     */
    public record Participant(String jid, String phoneNumber, boolean isAdmin, boolean isSuperAdmin) {
    }
}
