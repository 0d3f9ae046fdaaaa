package io.wafleet.session.connector.sandbox;

import io.wafleet.session.connector.RecordingListener;
import io.wafleet.common.AccountId;
import io.wafleet.common.command.Command;
import io.wafleet.common.command.GeoLocation;
import io.wafleet.common.command.SandboxInbound;
import io.wafleet.common.command.SandboxMessageUpdate;
import io.wafleet.common.connector.ConnectorException;
import io.wafleet.common.connector.MessageAction;
import io.wafleet.common.connector.OutboundMessage;
import io.wafleet.common.connector.Session;
import io.wafleet.common.event.MessageAcked;
import io.wafleet.common.event.MessageEdited;
import io.wafleet.common.event.MessageReaction;
import io.wafleet.common.event.MessageRevoked;
import io.wafleet.session.MutableClock;
import io.wafleet.session.SessionWorkerProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * Actions on the messages the sandbox network carried, between sandbox accounts, with WhatsApp's rules.
 * Commands the network routes to other accounts are delivered here as the fleet would deliver them.
 */
class SandboxMessageActionsTest {

    private static final AccountId ALICE = AccountId.of("alice");
    private static final AccountId BOB = AccountId.of("bob");
    private static final AccountId CAROL = AccountId.of("carol");
    private static final String ALICE_CHAT = SandboxIds.phoneFor(ALICE) + "@s.whatsapp.net";
    private static final String BOB_PHONE = SandboxIds.phoneFor(BOB);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemorySandboxMessages messages = new InMemorySandboxMessages();
    private final List<Command> routed = new CopyOnWriteArrayList<>();
    private final SandboxConnector connector = new SandboxConnector(new InMemorySandboxDevices(), new InMemorySandboxNetwork(),
            messages, new InMemorySandboxGroups(), scheduler, SandboxConnectorTest.settings(null,
            new SessionWorkerProperties.Receipts(Duration.ZERO, Duration.ofMillis(10), Duration.ofMillis(20))),
            clock, routed::add);
    private final RecordingListener alice = new RecordingListener();
    private final RecordingListener bob = new RecordingListener();
    private final Session aliceSession = loggedIn(ALICE, alice);
    private final Session bobSession = loggedIn(BOB, bob);

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    @Test
    void aReactionReachesTheSenderAndAnEmptyOneRemovesIt() {
        String hello = aliceSendsBob("3EB0A001", "hello");

        act(bobSession, new MessageAction.React(hello, ALICE_CHAT, "\uD83D\uDC4D"));
        act(bobSession, new MessageAction.React(hello, SandboxIds.phoneFor(ALICE), ""));
        deliverRouted();

        assertThat(alice.changes).hasSize(2).allSatisfy(change -> {
            assertThat(change).isInstanceOf(MessageReaction.class);
            assertThat(change.from()).isEqualTo(BOB_PHONE);
            assertThat(change.chatId()).isEqualTo(BOB_PHONE + "@s.whatsapp.net");
        });
        assertThat(alice.changes).map(change -> ((MessageReaction) change).reaction()).containsExactly("\uD83D\uDC4D", "");
        assertThat(alice.changes).map(change -> ((MessageReaction) change).reactedMessageId()).containsOnly(hello);
        assertThat(alice.changes.getFirst().id()).isNotEqualTo(hello).isNotEqualTo(alice.changes.getLast().id());
    }

    @Test
    void onlyTheSenderRevokesOrEditsAndEditsWithinFifteenMinutes() {
        String hello = aliceSendsBob("3EB0A002", "hello");

        assertThat(failure(bobSession.act(new MessageAction.Revoke(hello, ALICE_CHAT)))).isEqualTo("not_own_message");
        assertThat(failure(bobSession.act(new MessageAction.Edit(hello, ALICE_CHAT, "mine now")))).isEqualTo("not_own_message");
        clock.advance(Duration.ofMinutes(14));
        act(aliceSession, new MessageAction.Edit(hello, BOB_PHONE, "hello, edited"));
        clock.advance(Duration.ofMinutes(2));
        assertThat(failure(aliceSession.act(new MessageAction.Edit(hello, BOB_PHONE, "too late")))).isEqualTo("edit_window_passed");
        act(aliceSession, new MessageAction.Revoke(hello, BOB_PHONE));
        assertThat(failure(aliceSession.act(new MessageAction.React(hello, BOB_PHONE, "x")))).isEqualTo("revoked");
        deliverRouted();

        assertThat(bob.changes).hasSize(2);
        assertThat(bob.changes.getFirst()).isInstanceOfSatisfying(MessageEdited.class, edited -> {
            assertThat(edited.originalMessageId()).isEqualTo(hello);
            assertThat(edited.body()).isEqualTo("hello, edited");
            assertThat(edited.from()).isEqualTo(SandboxIds.phoneFor(ALICE));
        });
        assertThat(bob.changes.getLast()).isInstanceOfSatisfying(MessageRevoked.class, revoked -> {
            assertThat(revoked.revokedMessageId()).isEqualTo(hello);
            assertThat(revoked.revokedFromMe()).isFalse();
            assertThat(revoked.revokedChat()).isEqualTo(ALICE_CHAT);
        });
    }

    @Test
    void onlyMessagesWithTextCanBeEdited() {
        aliceSession.send(new OutboundMessage.Location("3EB0A003", BOB_PHONE, new GeoLocation(-6.2, 106.8, null, null)))
                .toCompletableFuture().join();

        assertThat(failure(aliceSession.act(new MessageAction.Edit("3EB0A003", BOB_PHONE, "text")))).isEqualTo("not_editable");
    }

    @Test
    void aMessageTheNetworkNeverCarriedOrInAnotherChatIsNotFound() {
        String hello = aliceSendsBob("3EB0A004", "hello");
        RecordingListener carol = new RecordingListener();
        Session carolSession = loggedIn(CAROL, carol);

        assertThat(failure(bobSession.act(new MessageAction.React("3EB0FFFF", ALICE_CHAT, "x")))).isEqualTo("not_found");
        assertThat(failure(bobSession.act(new MessageAction.React(hello, "6281111111111", "x")))).isEqualTo("not_found");
        assertThat(failure(carolSession.act(new MessageAction.React(hello, ALICE_CHAT, "x")))).isEqualTo("not_found");
        assertThat(failure(carolSession.send(new OutboundMessage.Forward("3EB0A005", BOB_PHONE, hello, ALICE_CHAT))))
                .isEqualTo("not_found");

        act(bobSession, new MessageAction.Delete(hello, ALICE_CHAT));
        assertThat(failure(bobSession.act(new MessageAction.Star(hello, ALICE_CHAT, true)))).isEqualTo("not_found");
        act(aliceSession, new MessageAction.Star(hello, BOB_PHONE, true));

        clock.advance(Duration.ofDays(7));
        assertThat(failure(aliceSession.act(new MessageAction.Star(hello, BOB_PHONE, false)))).isEqualTo("not_found");
        assertThat(messages.forgetExpired(clock.instant())).isEqualTo(1);
    }

    @Test
    void starUnstarAndDeleteStayWithTheAccount() {
        String hello = aliceSendsBob("3EB0A006", "hello");

        act(bobSession, new MessageAction.Star(hello, ALICE_CHAT, true));
        act(aliceSession, new MessageAction.Star(hello, BOB_PHONE, true));
        act(aliceSession, new MessageAction.Star(hello, BOB_PHONE, false));
        act(aliceSession, new MessageAction.Delete(hello, BOB_PHONE));

        assertThat(routed).isEmpty();
        CarriedMessage kept = messages.find(hello, clock.instant()).orElseThrow();
        assertThat(kept.starredBy()).containsExactly(BOB.value());
        assertThat(kept.deletedFor()).containsExactly(ALICE.value());
        assertThat(kept.viewOf(BOB)).isPresent();
    }

    @Test
    void aSandboxRecipientReadsOnlyWhenItMarksTheMessageRead() {
        String hello = aliceSendsBob("3EB0A007", "hello");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(receiptTypes(hello)).contains("delivered"));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !receiptTypes(hello).contains("read"));

        act(aliceSession, new MessageAction.Read(hello, BOB_PHONE));
        assertThat(routed).isEmpty();
        act(bobSession, new MessageAction.Read(hello, ALICE_CHAT));
        deliverRouted();

        assertThat(alice.receipts).filteredOn(receipt -> receipt.receiptType().equals("read")).singleElement().satisfies(read -> {
            assertThat(read.ids()).containsExactly(hello);
            assertThat(read.from()).isEqualTo(BOB_PHONE + "@s.whatsapp.net");
        });
    }

    @Test
    void aForwardSendsTheOriginalContentAgainAsANewForwardedMessage() {
        RecordingListener carol = new RecordingListener();
        loggedIn(CAROL, carol);
        GeoLocation monas = new GeoLocation(-6.175392, 106.827153, "Monas", null);
        aliceSession.send(new OutboundMessage.Location("3EB0A008", BOB_PHONE, monas)).toCompletableFuture().join();
        deliverRouted();

        bobSession.send(new OutboundMessage.Forward("3EB0A009", SandboxIds.phoneFor(CAROL), "3EB0A008", ALICE_CHAT))
                .toCompletableFuture().join();
        deliverRouted();

        assertThat(carol.messages).singleElement().satisfies(forwarded -> {
            assertThat(forwarded.id()).isEqualTo("3EB0A009");
            assertThat(forwarded.location()).isEqualTo(monas);
            assertThat(forwarded.forwarded()).isTrue();
            assertThat(forwarded.from()).isEqualTo(BOB_PHONE);
        });
        assertThat(bob.messages).singleElement().satisfies(original -> assertThat(original.forwarded()).isFalse());
    }

    private String aliceSendsBob(String messageId, String text) {
        aliceSession.send(new OutboundMessage.Text(messageId, BOB_PHONE, text)).toCompletableFuture().join();
        deliverRouted();
        assertThat(bob.messages).anySatisfy(message -> assertThat(message.id()).isEqualTo(messageId));
        return messageId;
    }

    /** Hands what the network routed to the accounts it was routed to, as their workers would. */
    private void deliverRouted() {
        List<Command> pending = new ArrayList<>(routed);
        routed.clear();
        for (Command command : pending) {
            boolean delivered = switch (command) {
                case SandboxInbound inbound -> connector.deliver(inbound);
                case SandboxMessageUpdate update -> connector.deliver(update);
                default -> throw new AssertionError("unexpected routed command " + command);
            };
            assertThat(delivered).as("delivered %s", command).isTrue();
        }
    }

    private List<String> receiptTypes(String messageId) {
        return alice.receipts.stream().filter(receipt -> receipt.ids().contains(messageId)).map(MessageAcked::receiptType).toList();
    }

    private static void act(Session session, MessageAction action) {
        session.act(action).toCompletableFuture().join();
    }

    private static String failure(CompletionStage<Void> call) {
        Throwable thrown = catchThrowable(() -> call.toCompletableFuture().join());
        assertThat(thrown).isInstanceOf(CompletionException.class).hasCauseInstanceOf(ConnectorException.class);
        return ((ConnectorException) thrown.getCause()).reason();
    }

    private Session loggedIn(AccountId account, RecordingListener listener) {
        Session session = connector.open(account, listener);
        session.loginWithQr().toCompletableFuture().join();
        connector.scan(account);
        return session;
    }
}
