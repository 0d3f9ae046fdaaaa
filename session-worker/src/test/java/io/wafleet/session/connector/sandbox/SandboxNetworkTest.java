package io.wafleet.session.connector.sandbox;

import io.wafleet.session.connector.RecordingListener;
import io.wafleet.common.AccountId;
import io.wafleet.common.command.SandboxFault;
import io.wafleet.common.connector.ConnectorException;
import io.wafleet.common.connector.Credentials;
import io.wafleet.common.connector.OutboundMessage;
import io.wafleet.common.connector.Session;
import io.wafleet.session.MutableClock;
import io.wafleet.session.SessionWorkerProperties;
import io.wafleet.session.connector.sandbox.SandboxNetwork.Counter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The network every worker shares: two live connections of one account conflict; faults; counters. */
class SandboxNetworkTest {

    private static final AccountId ALICE = AccountId.of("alice");
    private static final OutboundMessage HELLO = new OutboundMessage.Text("3EB0AAAA", "6281111111111", "hello");

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemorySandboxDevices devices = new InMemorySandboxDevices();
    private final InMemorySandboxNetwork network = new InMemorySandboxNetwork();
    private final SandboxConnector worker1 = worker();
    private final SandboxConnector worker2 = worker();

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    @Test
    void aSecondConnectionInTheSameWorkerKicksTheFirstWithAConflictAtOnce() {
        RecordingListener first = new RecordingListener();
        Session original = loggedIn(worker1, first);

        RecordingListener second = new RecordingListener();
        worker1.open(ALICE, second).restore(first.credentials.getFirst()).toCompletableFuture().join();

        assertThat(network.counted(Counter.CONFLICTS)).isEqualTo(1);
        assertThat(first.statuses).containsExactly("scan_qr", "logged_in", "disconnected:conflict");
        assertThat(second.statuses).containsExactly("logged_in");
        assertThat(network.live(clock.instant())).isEqualTo(1);
        assertThatThrownBy(() -> original.send(HELLO).toCompletableFuture().join()).hasCauseInstanceOf(ConnectorException.class);
    }

    @Test
    void aConnectionReplacedFromAnotherWorkerLearnsItOnItsNextSend() {
        RecordingListener first = new RecordingListener();
        Session original = loggedIn(worker1, first);

        worker2.open(ALICE, new RecordingListener()).restore(first.credentials.getFirst()).toCompletableFuture().join();

        assertThat(network.counted(Counter.CONFLICTS)).isEqualTo(1);
        assertThat(first.statuses).doesNotContain("disconnected:conflict");
        assertThatThrownBy(() -> original.send(HELLO).toCompletableFuture().join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(ConnectorException.class)
                .cause().satisfies(e -> assertThat(((ConnectorException) e).reason()).isEqualTo("conflict"));
        assertThat(first.statuses).endsWith("disconnected:conflict");
        assertThat(network.counted(Counter.SENDS)).isZero();
    }

    @Test
    void aConnectionReplacedFromAnotherWorkerLearnsItOnItsNextKeepalive() {
        RecordingListener first = new RecordingListener();
        loggedIn(worker1, first);
        worker2.open(ALICE, new RecordingListener()).restore(first.credentials.getFirst()).toCompletableFuture().join();

        worker2.keepAlive();
        assertThat(first.statuses).doesNotContain("disconnected:conflict");
        worker1.keepAlive();

        assertThat(first.statuses).endsWith("disconnected:conflict");
        assertThat(network.counted(Counter.CONFLICTS)).isEqualTo(1);
    }

    @Test
    void replacingTheConnectionOfACrashedWorkerIsNoConflict() {
        RecordingListener first = new RecordingListener();
        loggedIn(worker1, first);
        clock.advance(Duration.ofSeconds(3));
        worker1.keepAlive();

        clock.advance(Duration.ofSeconds(6));
        worker2.open(ALICE, new RecordingListener()).restore(first.credentials.getFirst()).toCompletableFuture().join();

        assertThat(network.counted(Counter.CONFLICTS)).isZero();
        assertThat(network.live(clock.instant())).isEqualTo(1);
    }

    @Test
    void aSessionClosedAndRestoredElsewhereIsNoConflict() {
        RecordingListener first = new RecordingListener();
        Session original = loggedIn(worker1, first);
        original.close();
        assertThat(network.live(clock.instant())).isZero();

        worker2.open(ALICE, new RecordingListener()).restore(first.credentials.getFirst()).toCompletableFuture().join();

        assertThat(network.counted(Counter.CONFLICTS)).isZero();
        assertThat(first.statuses).containsExactly("scan_qr", "logged_in");
    }

    @Test
    void sessionsHandedOverTogetherAreRestoredElsewhereWithoutAConflict() {
        RecordingListener first = new RecordingListener();
        Session original = loggedIn(worker1, first);
        Session pending = worker1.open(AccountId.of("bob"), new RecordingListener());
        pending.loginWithQr().toCompletableFuture().join();

        worker1.closeAll(List.of(original, pending));

        assertThat(network.live(clock.instant())).isZero();
        assertThatThrownBy(() -> worker1.scan(AccountId.of("bob"))).isInstanceOf(ConnectorException.class);
        worker2.open(ALICE, new RecordingListener()).restore(first.credentials.getFirst()).toCompletableFuture().join();
        assertThat(network.counted(Counter.CONFLICTS)).isZero();
        assertThat(first.statuses).containsExactly("scan_qr", "logged_in");
    }

    @Test
    void aDeliberateDuplicateKicksTheSessionAndHangsUp() {
        RecordingListener first = new RecordingListener();
        loggedIn(worker1, first);

        worker1.duplicate(ALICE);

        assertThat(network.counted(Counter.CONFLICTS)).isEqualTo(1);
        assertThat(first.statuses).endsWith("disconnected:conflict");
        assertThat(network.live(clock.instant())).isZero();
    }

    @Test
    void aDroppedConnectionComesBackFromTheSameCredentials() {
        RecordingListener listener = new RecordingListener();
        Session session = loggedIn(worker1, listener);

        worker1.fault(ALICE, SandboxFault.Kind.DISCONNECT);
        assertThat(listener.statuses).endsWith("disconnected:connection_lost");
        assertThat(network.live(clock.instant())).isZero();

        session.restore(listener.credentials.getFirst()).toCompletableFuture().join();
        assertThat(listener.statuses).endsWith("disconnected:connection_lost", "logged_in");
        assertThat(network.counted(Counter.CONFLICTS)).isZero();
    }

    @Test
    void aLogoutFromThePhoneUnlinksTheDevice() {
        RecordingListener listener = new RecordingListener();
        Session session = loggedIn(worker1, listener);
        Credentials credentials = listener.credentials.getFirst();

        worker1.fault(ALICE, SandboxFault.Kind.LOGGED_OUT);

        assertThat(listener.statuses).endsWith("logged_out:logged_out_from_phone");
        assertThat(devices.find(ALICE)).isEmpty();
        assertThatThrownBy(() -> session.restore(credentials).toCompletableFuture().join())
                .hasCauseInstanceOf(ConnectorException.class);
        assertThatThrownBy(() -> worker1.fault(ALICE, SandboxFault.Kind.DISCONNECT)).isInstanceOf(ConnectorException.class);
    }

    @Test
    void sendsAndDeliveriesAreCounted() {
        Session session = loggedIn(worker1, new RecordingListener());

        session.send(HELLO).toCompletableFuture().join();
        session.send(new OutboundMessage.Text("3EB0BBBB", "6281111111111", "again")).toCompletableFuture().join();

        assertThat(network.counted(Counter.SENDS)).isEqualTo(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> network.counted(Counter.DELIVERIES) == 2);
    }

    private Session loggedIn(SandboxConnector connector, RecordingListener listener) {
        Session session = connector.open(ALICE, listener);
        session.loginWithQr().toCompletableFuture().join();
        connector.scan(ALICE);
        return session;
    }

    private SandboxConnector worker() {
        return new SandboxConnector(devices, network, new InMemorySandboxMessages(), new InMemorySandboxGroups(), scheduler,
                SandboxConnectorTest.settings(null,
                        new SessionWorkerProperties.Receipts(Duration.ZERO, Duration.ofMillis(10), Duration.ofMillis(20))),
                clock, inbound -> { });
    }
}
