package io.wafleet.session.connector.sandbox;

import io.wafleet.common.connector.GroupInfo;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A group as the sandbox network keeps it: its WhatsApp id, subject, owner (the creator's phone), when it
 * was created, its members in the order they joined, and a version that every change raises (a change is
 * written only over the version it was computed from, so two workers changing one group do not undo each other).
 */
record SandboxGroup(String id, String subject, String owner, Instant createdAt, List<Member> members, long version) {

    /** WhatsApp's limit on a group's size. */
    static final int MAX_MEMBERS = 1_024;

    SandboxGroup {
        members = List.copyOf(members);
    }

    enum Role {
        MEMBER, ADMIN, SUPERADMIN;

        boolean admin() {
            return this != MEMBER;
        }
    }

    /** A member: its phone number (digits) and role. */
    record Member(String phone, Role role) {
    }

    Optional<Member> member(String phone) {
        return members.stream().filter(member -> member.phone().equals(phone)).findFirst();
    }

    boolean hasAdmin() {
        return members.stream().anyMatch(member -> member.role().admin());
    }

    /** The same group with these members, one version on. */
    SandboxGroup withMembers(List<Member> changed) {
        return new SandboxGroup(id, subject, owner, createdAt, changed, version + 1);
    }

    GroupInfo info() {
        return new GroupInfo(id, subject, SandboxIds.jid(owner), createdAt, members.stream()
                .map(m -> new GroupInfo.Participant(SandboxIds.jid(m.phone()), m.phone(), m.role().admin(),
                        m.role() == Role.SUPERADMIN))
                .toList());
    }
}
