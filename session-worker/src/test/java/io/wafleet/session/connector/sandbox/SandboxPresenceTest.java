package io.wafleet.session.connector.sandbox;

import io.wafleet.session.connector.RecordingListener;
import io.wafleet.common.AccountId;
import io.wafleet.common.command.ChatState;
import io.wafleet.common.command.Command;
import io.wafleet.common.command.Presence;
import io.wafleet.common.command.SandboxChatPresence;
import io.wafleet.common.connector.ConnectorException;
import io.wafleet.common.connector.Session;
import io.wafleet.common.event.ChatPresenceChanged;
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

/**
 * Presence in the sandbox network: recorded on the account's device; a typing indicator reaches the other
 * sandbox account of the chat (routed as the fleet would deliver it), whatever the sender's own presence.
 */
class SandboxPresenceTest {

    private static final AccountId ALICE = AccountId.of("alice");
    private static final AccountId BOB = AccountId.of("bob");
    private static final String ALICE_PHONE = SandboxIds.phoneFor(ALICE);
    private static final String BOB_PHONE = SandboxIds.phoneFor(BOB);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemorySandboxDevices devices = new InMemorySandboxDevices();
    private final List<Command> routed = new CopyOnWriteArrayList<>();
    private final SandboxConnector connector = new SandboxConnector(devices, new InMemorySandboxNetwork(),
            new InMemorySandboxMessages(), new InMemorySandboxGroups(), scheduler, SandboxConnectorTest.settings(null,
            new SessionWorkerProperties.Receipts(Duration.ZERO, Duration.ZERO, Duration.ZERO)), clock, routed::add);
    private final RecordingListener alice = new RecordingListener();
    private final RecordingListener bob = new RecordingListener();
    private final Session aliceSession = loggedIn(ALICE, alice);
    private final Session bobSession = loggedIn(BOB, bob);

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    @Test
    void thePresenceIsRecordedOnTheDeviceWithWhenItWasLastSeen() {
        assertThat(devices.presenceOf(ALICE)).isEmpty();

        join(aliceSession.sendPresence(Presence.AVAILABLE));
        assertThat(devices.presenceOf(ALICE)).contains(new DevicePresence(Presence.AVAILABLE, clock.instant()));
        clock.advance(Duration.ofMinutes(5));
        join(aliceSession.sendPresence(Presence.UNAVAILABLE));

        assertThat(devices.presenceOf(ALICE)).contains(new DevicePresence(Presence.UNAVAILABLE, clock.instant()));
        assertThat(devices.presenceOf(BOB)).isEmpty();
        assertThat(routed).isEmpty();
        assertThat(bob.chatPresences).isEmpty();
    }

    @Test
    void aPresenceNeedsALoggedInSession() {
        Session pending = connector.open(AccountId.of("carol"), new RecordingListener());
        pending.loginWithQr().toCompletableFuture().join();

        assertThat(failure(pending.sendPresence(Presence.AVAILABLE))).isEqualTo("not_logged_in");
        assertThat(failure(pending.sendChatPresence(BOB_PHONE, ChatState.COMPOSING))).isEqualTo("not_logged_in");
        join(aliceSession.logout());
        assertThat(failure(aliceSession.sendPresence(Presence.UNAVAILABLE))).isEqualTo("not_logged_in");
        assertThat(devices.presenceOf(AccountId.of("carol"))).isEmpty();
        assertThat(devices.presenceOf(ALICE)).isEmpty();
        assertThat(routed).isEmpty();
    }

    @Test
    void typingReachesTheOtherSandboxAccountOfTheChat() {
        join(aliceSession.sendChatPresence(BOB_PHONE, ChatState.COMPOSING));
        deliverRouted();
        clock.advance(Duration.ofSeconds(3));
        join(aliceSession.sendChatPresence(BOB_PHONE + "@s.whatsapp.net", ChatState.PAUSED));
        deliverRouted();

        assertThat(bob.chatPresences).map(ChatPresenceChanged::state).containsExactly(ChatState.COMPOSING, ChatState.PAUSED);
        assertThat(bob.chatPresences.getFirst()).isEqualTo(new ChatPresenceChanged(ALICE_PHONE + "@s.whatsapp.net",
                ALICE_PHONE, ALICE.value(), ChatState.COMPOSING, Instant.parse("2026-01-01T00:00:00Z")));
        assertThat(bob.chatPresences.getLast().timestamp()).isEqualTo(Instant.parse("2026-01-01T00:00:03Z"));
        assertThat(alice.chatPresences).isEmpty();
        assertThat(bob.messages).isEmpty();
    }

    @Test
    void anUnavailableAccountsTypingIsStillShown() {
        join(aliceSession.sendPresence(Presence.UNAVAILABLE));
        join(aliceSession.sendChatPresence(BOB_PHONE, ChatState.COMPOSING));
        deliverRouted();

        assertThat(bob.chatPresences).singleElement().satisfies(typing -> {
            assertThat(typing.from()).isEqualTo(ALICE_PHONE);
            assertThat(typing.state()).isEqualTo(ChatState.COMPOSING);
        });
    }

    @Test
    void typingToAGroupOutsideTheFleetOrOneselfReachesNobody() {
        join(aliceSession.sendChatPresence("120363021234567890@g.us", ChatState.COMPOSING));
        join(aliceSession.sendChatPresence("6281111111111", ChatState.COMPOSING));
        join(aliceSession.sendChatPresence(ALICE_PHONE, ChatState.COMPOSING));

        assertThat(routed).isEmpty();
    }

    @Test
    void anAccountThatIsNotLoggedInHereDoesNotHearIt() {
        join(aliceSession.sendChatPresence(BOB_PHONE, ChatState.COMPOSING));
        bobSession.close();

        assertThat(routed).singleElement().isInstanceOfSatisfying(SandboxChatPresence.class,
                typing -> assertThat(connector.deliver(typing)).isFalse());
        assertThat(bob.chatPresences).isEmpty();
    }

    /** Hands what the network routed to the accounts it was routed to, as their workers would. */
    private void deliverRouted() {
        List<Command> pending = new ArrayList<>(routed);
        routed.clear();
        for (Command command : pending) {
            assertThat(command).isInstanceOf(SandboxChatPresence.class);
            assertThat(command.accountId()).isEqualTo(BOB);
            assertThat(connector.deliver((SandboxChatPresence) command)).as("delivered %s", command).isTrue();
        }
    }

    private static void join(CompletionStage<Void> call) {
        call.toCompletableFuture().join();
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
