package io.wafleet.session.connector.sandbox;

import io.wafleet.common.command.ParticipantAction;
import io.wafleet.common.connector.ParticipantResult;
import io.wafleet.session.connector.sandbox.SandboxGroup.Member;
import io.wafleet.session.connector.sandbox.SandboxGroup.Role;

import java.util.ArrayList;
import java.util.List;

/**
 * WhatsApp's rules for one admin's change of a group's participants, each participant on its own: only
 * people on WhatsApp are added ({@code not_on_whatsapp}), once ({@code already_member}), up to
 * {@link SandboxGroup#MAX_MEMBERS} ({@code group_full}); only members are removed, promoted or demoted
 * ({@code not_member}); nobody removes or demotes the superadmin, and an admin leaves rather than removes
 * or demotes itself ({@code not_allowed}); promoting an admin or demoting a member changes nothing
 * ({@code already_admin}, {@code not_admin}). Pure: the caller checks the admin and stores the result.
 */
final class ParticipantChanges {

    /** The members after the change, each participant's result, and the phones actually changed. */
    record Planned(List<Member> members, List<ParticipantResult> results, List<String> changed) {
    }

    private ParticipantChanges() {
    }

    static Planned apply(SandboxGroup group, String actor, ParticipantAction action, List<String> participants) {
        List<Member> members = new ArrayList<>(group.members());
        List<ParticipantResult> results = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (String participant : participants) {
            String phone = SandboxIds.digits(participant);
            String refusal = switch (action) {
                case ADD -> add(members, phone);
                case REMOVE -> remove(members, actor, phone);
                case PROMOTE -> promote(members, phone);
                case DEMOTE -> demote(members, actor, phone);
                case LEAVE -> throw new IllegalArgumentException("a member leaves by itself, not by a change of an admin");
            };
            results.add(refusal == null ? ParticipantResult.success(SandboxIds.jid(phone))
                    : ParticipantResult.error(SandboxIds.jid(phone), refusal));
            if (refusal == null) {
                changed.add(phone);
            }
        }
        return new Planned(members, results, changed);
    }

    private static String add(List<Member> members, String phone) {
        if (!SandboxUsers.onWhatsapp(phone)) {
            return "not_on_whatsapp";
        }
        if (indexOf(members, phone) >= 0) {
            return "already_member";
        }
        if (members.size() >= SandboxGroup.MAX_MEMBERS) {
            return "group_full";
        }
        members.add(new Member(phone, Role.MEMBER));
        return null;
    }

    private static String remove(List<Member> members, String actor, String phone) {
        int index = indexOf(members, phone);
        if (index < 0) {
            return "not_member";
        }
        if (members.get(index).role() == Role.SUPERADMIN || phone.equals(actor)) {
            return "not_allowed";
        }
        members.remove(index);
        return null;
    }

    private static String promote(List<Member> members, String phone) {
        int index = indexOf(members, phone);
        if (index < 0) {
            return "not_member";
        }
        if (members.get(index).role().admin()) {
            return "already_admin";
        }
        members.set(index, new Member(phone, Role.ADMIN));
        return null;
    }

    private static String demote(List<Member> members, String actor, String phone) {
        int index = indexOf(members, phone);
        if (index < 0) {
            return "not_member";
        }
        Role role = members.get(index).role();
        if (role == Role.SUPERADMIN || phone.equals(actor)) {
            return "not_allowed";
        }
        if (!role.admin()) {
            return "not_admin";
        }
        members.set(index, new Member(phone, Role.MEMBER));
        return null;
    }

    private static int indexOf(List<Member> members, String phone) {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).phone().equals(phone)) {
                return i;
            }
        }
        return -1;
    }
}
