package io.wafleet.session.connector.sandbox;

import io.wafleet.common.AccountId;
import io.wafleet.common.MessageIds;
import io.wafleet.common.command.Command;
import io.wafleet.common.command.ParticipantAction;
import io.wafleet.common.command.SandboxGroupUpdate;
import io.wafleet.common.connector.ConnectorException;
import io.wafleet.common.connector.GroupChange;
import io.wafleet.common.connector.GroupInfo;
import io.wafleet.session.connector.sandbox.ParticipantChanges.Planned;
import io.wafleet.session.connector.sandbox.SandboxGroup.Member;
import io.wafleet.session.connector.sandbox.SandboxGroup.Role;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Groups in the sandbox network ({@link SandboxGroupStore}), with WhatsApp's rules: the creator is the
 * superadmin; only members see a group ({@code not_member}) or send to it, only admins change its
 * participants ({@code not_admin}; each participant by {@link ParticipantChanges}); any member may leave,
 * and when the last admin leaves the longest-standing member becomes one. Every change is told to the
 * sandbox accounts that were or are in the group, the one that made it too, as a {@code SandboxGroupUpdate}
 * command keyed by each (a fresh id: a replayed command changes nothing more, so tells nothing again).
 */
final class SandboxGroups {

    /** Changes computed from a group that another worker changed meanwhile are computed again, this often. */
    private static final int ATTEMPTS = 5;

    private final SandboxGroupStore store;
    private final SandboxDevices devices;
    private final Clock clock;
    private final Consumer<Command> routing;

    SandboxGroups(SandboxGroupStore store, SandboxDevices devices, Clock clock, Consumer<Command> routing) {
        this.store = store;
        this.devices = devices;
        this.clock = clock;
        this.routing = routing;
    }

    /**
     * Creates the group whose id derives from the creator and {@code createKey}; if it exists already (the
     * same creation asked again) answers it as it is now, with the results the creation had, and tells nobody.
     */
    GroupChange create(SandboxDevice creator, String createKey, String subject, List<String> participants) {
        SandboxGroup empty = new SandboxGroup(groupId(creator.accountId(), createKey), subject, creator.phoneNumber(),
                clock.instant(), List.of(new Member(creator.phoneNumber(), Role.SUPERADMIN)), 0);
        Planned planned = ParticipantChanges.apply(empty, creator.phoneNumber(), ParticipantAction.ADD, participants);
        SandboxGroup created = new SandboxGroup(empty.id(), subject, empty.owner(), empty.createdAt(), planned.members(), 1);
        if (!store.create(created)) {
            return new GroupChange(require(created.id()).info(), planned.results());
        }
        if (!planned.changed().isEmpty()) {
            tell(creator, empty, created, ParticipantAction.ADD, planned.changed(), creator.phoneNumber());
        }
        return new GroupChange(created.info(), planned.results());
    }

    GroupInfo info(SandboxDevice asker, String groupId) {
        return memberOf(require(groupId), asker).info();
    }

    /** An admin's change of participants; a participant it cannot change is in the results, not an exception. */
    GroupChange update(SandboxDevice admin, String groupId, ParticipantAction action, List<String> participants) {
        return change(groupId, group -> {
            if (!memberOf(group, admin).member(admin.phoneNumber()).orElseThrow().role().admin()) {
                throw new ConnectorException("not_admin", "only an admin of the group can change its participants");
            }
            Planned planned = ParticipantChanges.apply(group, admin.phoneNumber(), action, participants);
            SandboxGroup changed = planned.changed().isEmpty() ? group : group.withMembers(planned.members());
            return new Change<>(changed, () -> {
                tell(admin, group, changed, action, planned.changed(), admin.phoneNumber());
                return new GroupChange(changed.info(), planned.results());
            }, () -> new GroupChange(group.info(), planned.results()));
        });
    }

    /** The member leaves; if it was the last admin, the longest-standing member left becomes one. */
    void leave(SandboxDevice member, String groupId) {
        this.<Void>change(groupId, group -> {
            memberOf(group, member);
            List<Member> left = new ArrayList<>(group.members());
            left.removeIf(m -> m.phone().equals(member.phoneNumber()));
            boolean promote = !left.isEmpty() && left.stream().noneMatch(m -> m.role().admin());
            if (promote) {
                left.set(0, new Member(left.getFirst().phone(), Role.ADMIN));
            }
            SandboxGroup changed = group.withMembers(left);
            return new Change<>(changed, () -> {
                tell(member, group, changed, ParticipantAction.LEAVE, List.of(member.phoneNumber()), member.phoneNumber());
                if (promote) {
                    tell(member, changed, changed, ParticipantAction.PROMOTE, List.of(left.getFirst().phone()), null);
                }
                return null;
            }, () -> null);
        });
    }

    /** The members a message of {@code sender} to the group reaches (its phone numbers, the sender's not among them). */
    List<String> audience(SandboxDevice sender, String groupId) {
        return memberOf(require(groupId), sender).members().stream().map(Member::phone)
                .filter(phone -> !phone.equals(sender.phoneNumber())).toList();
    }

    /** The group's id: {@code 120363} and 12 digits derived from its creator and creation key, as WhatsApp's ids look. */
    static String groupId(AccountId creator, String createKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((creator.value() + "|" + createKey).getBytes(StandardCharsets.UTF_8));
            long number = 0;
            for (int i = 0; i < 8; i++) {
                number = (number << 8) | (hash[i] & 0xff);
            }
            return "120363" + String.format("%012d", Math.floorMod(number, 1_000_000_000_000L)) + "@g.us";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * Computes a change from the group as read and writes it over that version only; when another worker
     * changed the group meanwhile, computes it again from the newer version.
     */
    private <T> T change(String groupId, Function<SandboxGroup, Change<T>> compute) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            SandboxGroup group = require(groupId);
            Change<T> change = compute.apply(group);
            if (change.group() == group) {
                return change.onUnchanged().get();
            }
            if (store.update(change.group())) {
                return change.onStored().get();
            }
        }
        throw new ConnectorException("group_busy", "the group kept changing meanwhile; try again");
    }

    private SandboxGroup require(String groupId) {
        return store.find(groupId).orElseThrow(() -> new ConnectorException("group_not_found", "no group " + groupId));
    }

    private static SandboxGroup memberOf(SandboxGroup group, SandboxDevice device) {
        if (group.member(device.phoneNumber()).isEmpty()) {
            throw new ConnectorException("not_member", "the account is not a participant of the group " + group.id());
        }
        return group;
    }

    /** Tells the sandbox accounts that were or are in the group; {@code by} null when WhatsApp made the change. */
    private void tell(SandboxDevice actor, SandboxGroup before, SandboxGroup after, ParticipantAction action,
                      List<String> changed, String by) {
        Set<String> phones = new LinkedHashSet<>();
        before.members().forEach(m -> phones.add(m.phone()));
        after.members().forEach(m -> phones.add(m.phone()));
        List<String> jids = changed.stream().map(SandboxIds::jid).toList();
        for (String phone : phones) {
            AccountId account = phone.equals(actor.phoneNumber()) ? actor.accountId()
                    : devices.findByPhone(phone, actor.accountId()).map(SandboxDevice::accountId).orElse(null);
            if (account != null) {
                routing.accept(new SandboxGroupUpdate(MessageIds.newCommandId(), account, Command.SCHEMA_VERSION, after.id(),
                        action, jids, by == null ? null : SandboxIds.jid(by)));
            }
        }
    }

    /** A computed change: the group to store (the same instance when nothing changes), and what to answer either way. */
    private record Change<T>(SandboxGroup group, Supplier<T> onStored, Supplier<T> onUnchanged) {
    }
}
