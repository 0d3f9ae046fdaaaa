package io.wafleet.session.connector.sandbox;

import io.wafleet.session.connector.RecordingListener;
import io.wafleet.common.AccountId;
import io.wafleet.common.command.Command;
import io.wafleet.common.command.ParticipantAction;
import io.wafleet.common.command.SandboxGroupUpdate;
import io.wafleet.common.command.SandboxInbound;
import io.wafleet.common.connector.ConnectorException;
import io.wafleet.common.connector.GroupChange;
import io.wafleet.common.connector.GroupInfo;
import io.wafleet.common.connector.OutboundMessage;
import io.wafleet.common.connector.ParticipantResult;
import io.wafleet.common.connector.Session;
import io.wafleet.common.event.GroupParticipantsChanged;
import io.wafleet.session.MutableClock;
import io.wafleet.session.SessionWorkerProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static io.wafleet.common.command.ParticipantAction.ADD;
import static io.wafleet.common.command.ParticipantAction.DEMOTE;
import static io.wafleet.common.command.ParticipantAction.PROMOTE;
import static io.wafleet.common.command.ParticipantAction.REMOVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Groups in the sandbox network: the creator is the superadmin; only members see a group or send to it,
 * only admins change its participants, each participant by WhatsApp's rules; a leaving last admin hands
 * over; messages to the group and changes of its participants reach its members that are sandbox accounts.
 */
class SandboxGroupsTest {

    private static final AccountId ALICE = AccountId.of("alice");
    private static final AccountId BOB = AccountId.of("bob");
    private static final AccountId CAROL = AccountId.of("carol");
    private static final AccountId DAVE = AccountId.of("dave");
    private static final String ALICE_PHONE = SandboxIds.phoneFor(ALICE);
    private static final String BOB_PHONE = SandboxIds.phoneFor(BOB);
    private static final String CAROL_PHONE = SandboxIds.phoneFor(CAROL);
    private static final String DAVE_PHONE = SandboxIds.phoneFor(DAVE);
    private static final String OUTSIDER = "6281111111111";

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<Command> routed = new CopyOnWriteArrayList<>();
    private final SandboxConnector connector = new SandboxConnector(new InMemorySandboxDevices(), new InMemorySandboxNetwork(),
            new InMemorySandboxMessages(), new InMemorySandboxGroups(), scheduler, SandboxConnectorTest.settings(null,
            new SessionWorkerProperties.Receipts(Duration.ZERO, Duration.ZERO, Duration.ZERO)), clock, routed::add);
    private final Map<AccountId, RecordingListener> listeners = Map.of(ALICE, new RecordingListener(),
            BOB, new RecordingListener(), CAROL, new RecordingListener(), DAVE, new RecordingListener());
    private final Session alice = loggedIn(ALICE);
    private final Session bob = loggedIn(BOB);
    private final Session carol = loggedIn(CAROL);
    private final Session dave = loggedIn(DAVE);

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    @Test
    void theCreatorIsTheSuperadminAndOnlyPeopleOnWhatsAppAreAdded() {
        GroupChange created = join(alice.createGroup("k1", "Tim Jualan",
                List.of(BOB_PHONE, CAROL_PHONE + "@s.whatsapp.net", "081234567890", ALICE_PHONE, OUTSIDER)));

        GroupInfo group = created.group();
        assertThat(group.groupId()).matches("120363\\d{12}@g\\.us");
        assertThat(group.subject()).isEqualTo("Tim Jualan");
        assertThat(group.owner()).isEqualTo(ALICE_PHONE + "@s.whatsapp.net");
        assertThat(group.createdAt()).isEqualTo(clock.instant());
        assertThat(group.participants()).containsExactly(
                new GroupInfo.Participant(ALICE_PHONE + "@s.whatsapp.net", ALICE_PHONE, true, true),
                new GroupInfo.Participant(BOB_PHONE + "@s.whatsapp.net", BOB_PHONE, false, false),
                new GroupInfo.Participant(CAROL_PHONE + "@s.whatsapp.net", CAROL_PHONE, false, false),
                new GroupInfo.Participant(OUTSIDER + "@s.whatsapp.net", OUTSIDER, false, false));
        assertThat(created.participants()).extracting(ParticipantResult::status, ParticipantResult::reason).containsExactly(
                tuple("success", null), tuple("success", null), tuple("error", "not_on_whatsapp"),
                tuple("error", "already_member"), tuple("success", null));
        deliverRouted();
        for (AccountId member : List.of(ALICE, BOB, CAROL)) {
            assertThat(listeners.get(member).groupChanges).singleElement().satisfies(change -> {
                assertThat(change.groupId()).isEqualTo(group.groupId());
                assertThat(change.action()).isEqualTo(ADD);
                assertThat(change.participants()).containsExactly(BOB_PHONE + "@s.whatsapp.net",
                        CAROL_PHONE + "@s.whatsapp.net", OUTSIDER + "@s.whatsapp.net");
                assertThat(change.by()).isEqualTo(ALICE_PHONE + "@s.whatsapp.net");
            });
        }
        assertThat(listeners.get(DAVE).groupChanges).isEmpty();
        assertThat(join(bob.groupInfo(group.groupId()))).isEqualTo(group);
    }

    @Test
    void theSameCreationAskedAgainAnswersTheGroupItCreated() {
        GroupChange first = join(alice.createGroup("k2", "Once", List.of(BOB_PHONE, "081234567890")));
        routed.clear();
        GroupChange again = join(alice.createGroup("k2", "Once", List.of(BOB_PHONE, "081234567890")));
        GroupChange other = join(alice.createGroup("k3", "Twice", List.of(BOB_PHONE)));

        assertThat(again).isEqualTo(first);
        assertThat(other.group().groupId()).isNotEqualTo(first.group().groupId());
        assertThat(routed).hasSize(2).allSatisfy(told -> assertThat(((SandboxGroupUpdate) told).groupId())
                .isEqualTo(other.group().groupId()));
    }

    @Test
    void onlyMembersSeeAGroup() {
        String group = create(BOB_PHONE);

        assertThat(failure(dave.groupInfo(group))).isEqualTo("not_member");
        assertThat(failure(dave.groupInfo("120363000000000000@g.us"))).isEqualTo("group_not_found");
        assertThat(failure(dave.leaveGroup(group))).isEqualTo("not_member");
        assertThat(failure(dave.updateGroupParticipants(group, ADD, List.of(DAVE_PHONE)))).isEqualTo("not_member");
    }

    @Test
    void onlyAdminsChangeParticipantsAndNobodyRemovesTheSuperadmin() {
        String group = create(BOB_PHONE, CAROL_PHONE);

        assertThat(failure(bob.updateGroupParticipants(group, ADD, List.of(DAVE_PHONE)))).isEqualTo("not_admin");
        assertThat(results(alice, group, PROMOTE, BOB_PHONE, DAVE_PHONE)).containsExactly("success", "not_member");
        assertThat(results(alice, group, PROMOTE, BOB_PHONE)).containsExactly("already_admin");
        assertThat(results(bob, group, ADD, DAVE_PHONE, CAROL_PHONE, "0812345678")).containsExactly("success", "already_member",
                "not_on_whatsapp");
        assertThat(results(bob, group, REMOVE, ALICE_PHONE, BOB_PHONE)).containsExactly("not_allowed", "not_allowed");
        assertThat(results(bob, group, DEMOTE, ALICE_PHONE, CAROL_PHONE)).containsExactly("not_allowed", "not_admin");
        assertThat(results(alice, group, DEMOTE, BOB_PHONE)).containsExactly("success");
        assertThat(failure(bob.updateGroupParticipants(group, REMOVE, List.of(DAVE_PHONE)))).isEqualTo("not_admin");
        assertThat(results(alice, group, REMOVE, DAVE_PHONE, DAVE_PHONE)).containsExactly("success", "not_member");

        assertThat(join(alice.groupInfo(group)).participants()).extracting(GroupInfo.Participant::phoneNumber,
                GroupInfo.Participant::isAdmin).containsExactly(tuple(ALICE_PHONE, true), tuple(BOB_PHONE, false),
                tuple(CAROL_PHONE, false));
    }

    @Test
    void aChangeReachesEveryAccountThatWasOrIsInTheGroupAndNothingElse() {
        String group = create(BOB_PHONE, CAROL_PHONE);
        deliverRouted();
        listeners.values().forEach(listener -> listener.groupChanges.clear());

        results(alice, group, REMOVE, CAROL_PHONE);
        results(alice, group, REMOVE, CAROL_PHONE);
        deliverRouted();

        for (AccountId told : List.of(ALICE, BOB, CAROL)) {
            assertThat(listeners.get(told).groupChanges).singleElement().isEqualTo(new GroupParticipantsChanged(group, REMOVE,
                    List.of(CAROL_PHONE + "@s.whatsapp.net"), ALICE_PHONE + "@s.whatsapp.net", clock.instant()));
        }
        assertThat(listeners.get(DAVE).groupChanges).isEmpty();
    }

    @Test
    void whenTheLastAdminLeavesTheLongestStandingMemberBecomesOne() {
        String group = create(BOB_PHONE, CAROL_PHONE);
        deliverRouted();
        listeners.values().forEach(listener -> listener.groupChanges.clear());

        join(alice.leaveGroup(group));
        deliverRouted();

        assertThat(failure(alice.groupInfo(group))).isEqualTo("not_member");
        assertThat(join(carol.groupInfo(group)).participants()).extracting(GroupInfo.Participant::phoneNumber,
                GroupInfo.Participant::isAdmin).containsExactly(tuple(BOB_PHONE, true), tuple(CAROL_PHONE, false));
        assertThat(listeners.get(CAROL).groupChanges).extracting(GroupParticipantsChanged::action,
                GroupParticipantsChanged::participants, GroupParticipantsChanged::by).containsExactly(
                tuple(ParticipantAction.LEAVE, List.of(ALICE_PHONE + "@s.whatsapp.net"), ALICE_PHONE + "@s.whatsapp.net"),
                tuple(PROMOTE, List.of(BOB_PHONE + "@s.whatsapp.net"), null));
        assertThat(listeners.get(ALICE).groupChanges).extracting(GroupParticipantsChanged::action)
                .containsExactly(ParticipantAction.LEAVE);
        assertThat(results(bob, group, ADD, DAVE_PHONE)).containsExactly("success");
        join(carol.leaveGroup(group));
        assertThat(join(bob.groupInfo(group)).participants()).extracting(GroupInfo.Participant::phoneNumber)
                .containsExactly(BOB_PHONE, DAVE_PHONE);
    }

    @Test
    void aMessageToTheGroupReachesItsOtherMembersThatAreSandboxAccounts() {
        String group = create(BOB_PHONE, CAROL_PHONE, OUTSIDER);
        routed.clear();

        join(alice.send(new OutboundMessage.Text("3EB0G001", group, "Halo semua")));
        deliverRouted();

        for (AccountId member : List.of(BOB, CAROL)) {
            assertThat(listeners.get(member).messages).singleElement().satisfies(message -> {
                assertThat(message.id()).isEqualTo("3EB0G001");
                assertThat(message.chatId()).isEqualTo(group);
                assertThat(message.from()).isEqualTo(ALICE_PHONE);
                assertThat(message.body()).isEqualTo("Halo semua");
            });
        }
        assertThat(listeners.get(ALICE).messages).isEmpty();
        assertThat(listeners.get(DAVE).messages).isEmpty();
        awaitReceipts(listeners.get(ALICE), 2);
        assertThat(listeners.get(ALICE).receipts).extracting(receipt -> receipt.receiptType())
                .containsExactlyInAnyOrder("sent", "delivered");
        assertThat(listeners.get(ALICE).receipts).allSatisfy(receipt -> assertThat(receipt.chatId()).isEqualTo(group));

        results(alice, group, REMOVE, CAROL_PHONE);
        routed.clear();
        join(bob.send(new OutboundMessage.Text("3EB0G002", group, "Carol is gone")));
        assertThat(routed).singleElement().isInstanceOfSatisfying(SandboxInbound.class, inbound -> {
            assertThat(inbound.accountId()).isEqualTo(ALICE);
            assertThat(inbound.group()).isEqualTo(group);
        });
    }

    @Test
    void aSendToAGroupTheSenderIsNotInFails() {
        String group = create(BOB_PHONE);
        routed.clear();

        assertThat(failure(dave.send(new OutboundMessage.Text("3EB0G003", group, "let me in")))).isEqualTo("not_member");
        assertThat(failure(dave.send(new OutboundMessage.Text("3EB0G004", "120363000000000000@g.us", "anyone?"))))
                .isEqualTo("group_not_found");
        assertThat(routed).isEmpty();
    }

    private String create(String... participants) {
        return join(alice.createGroup("key-" + routed.size() + "-" + participants.length, "Team", List.of(participants)))
                .group().groupId();
    }

    /** Each participant's result of the change: {@code success} or the reason it was refused. */
    private static List<String> results(Session admin, String group, ParticipantAction action, String... participants) {
        return join(admin.updateGroupParticipants(group, action, List.of(participants))).participants().stream()
                .map(result -> result.reason() == null ? result.status() : result.reason()).toList();
    }

    /** Hands what the network routed to the accounts it was routed to, as their workers would. */
    private void deliverRouted() {
        List<Command> pending = new ArrayList<>(routed);
        routed.clear();
        for (Command command : pending) {
            boolean delivered = switch (command) {
                case SandboxGroupUpdate update -> connector.deliver(update);
                case SandboxInbound inbound -> connector.deliver(inbound);
                default -> throw new AssertionError("unexpected " + command);
            };
            assertThat(delivered).as("delivered %s", command).isTrue();
        }
    }

    private static void awaitReceipts(RecordingListener listener, int count) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> listener.receipts.size() >= count);
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }

    private static <T> T join(CompletionStage<T> call) {
        return call.toCompletableFuture().join();
    }

    private static String failure(CompletionStage<?> call) {
        Throwable thrown = catchThrowable(() -> call.toCompletableFuture().join());
        assertThat(thrown).isInstanceOf(CompletionException.class).hasCauseInstanceOf(ConnectorException.class);
        return ((ConnectorException) thrown.getCause()).reason();
    }

    private Session loggedIn(AccountId account) {
        Session session = connector.open(account, listeners.get(account));
        session.loginWithQr().toCompletableFuture().join();
        connector.scan(account);
        return session;
    }
}
