package io.wafleet.session.connector.sandbox;

import io.wafleet.session.connector.RecordingListener;
import io.wafleet.common.AccountId;
import io.wafleet.common.command.Command;
import io.wafleet.common.command.SandboxInbound;
import io.wafleet.common.connector.ConnectorException;
import io.wafleet.common.connector.OutboundMessage;
import io.wafleet.common.connector.Session;
import io.wafleet.common.connector.SessionStatus;
import io.wafleet.common.event.MessageAcked;
import io.wafleet.session.SessionWorkerProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class SandboxConnectorTest {

    private static final AccountId ALICE = AccountId.of("alice");
    private static final AccountId BOB = AccountId.of("bob");

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final InMemorySandboxDevices devices = new InMemorySandboxDevices();
    private final InMemorySandboxNetwork network = new InMemorySandboxNetwork();
    private final List<Command> routed = new CopyOnWriteArrayList<>();
    private final SandboxConnector connector = new SandboxConnector(devices, network, new InMemorySandboxMessages(),
            new InMemorySandboxGroups(), scheduler,
            settings(null, new SessionWorkerProperties.Receipts(Duration.ZERO, Duration.ofMillis(30), Duration.ofMillis(60))),
            Clock.systemUTC(), routed::add);

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    @Test
    void aQrLoginCompletesWhenThePhoneScansAndYieldsCredentialsThatRestore() {
        RecordingListener listener = new RecordingListener();
        Session session = connector.open(ALICE, listener);

        Session.QrCode qr = session.loginWithQr().toCompletableFuture().join();
        assertThat(qr.text()).matches("2@[A-Za-z0-9+/=]+,[A-Za-z0-9+/=]+,[A-Za-z0-9+/=]+,[A-Za-z0-9+/=]+");
        assertThat(qr.validFor()).isEqualTo(Duration.ofSeconds(60));
        assertThat(listener.statuses).containsExactly("scan_qr");

        assertThat(connector.scan(ALICE)).isEqualTo(SessionStatus.LOGGED_IN);

        assertThat(listener.statuses).containsExactly("scan_qr", "logged_in");
        assertThat(listener.credentials).singleElement().satisfies(c -> assertThat(c.connector()).isEqualTo("sandbox"));
        assertThat(listener.phoneNumber).matches("62\\d{10}").isEqualTo(SandboxIds.phoneFor(ALICE));
        assertThat(listener.deviceId).startsWith(listener.phoneNumber + ":").endsWith("@s.whatsapp.net");
        assertThat(devices.find(ALICE)).isPresent();

        session.close();
        RecordingListener restored = new RecordingListener();
        connector.open(ALICE, restored).restore(listener.credentials.getFirst()).toCompletableFuture().join();
        assertThat(restored.statuses).containsExactly("logged_in");
    }

    @Test
    void aPairingLoginUsesTheGivenPhoneAndAnUnambiguousCode() {
        RecordingListener listener = new RecordingListener();
        String code = connector.open(ALICE, listener).loginWithCode("+62 812-3456-7890").toCompletableFuture().join();

        assertThat(code).matches("[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}");
        connector.scan(ALICE);
        assertThat(listener.phoneNumber).isEqualTo("6281234567890");
    }

    @Test
    void aScanWithoutAPendingLoginIsRefused() {
        assertThatThrownBy(() -> connector.scan(ALICE))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.reason()).isEqualTo("no_pending_login"));
    }

    @Test
    void aRestoreOfADeviceUnlinkedFromThePhoneEndsLoggedOut() {
        RecordingListener listener = new RecordingListener();
        Session session = connector.open(ALICE, listener);
        session.loginWithQr().toCompletableFuture().join();
        connector.scan(ALICE);
        session.logout().toCompletableFuture().join();

        RecordingListener restored = new RecordingListener();
        assertThatThrownBy(() -> connector.open(ALICE, restored).restore(listener.credentials.getFirst())
                .toCompletableFuture().join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(ConnectorException.class);
        assertThat(restored.statuses).containsExactly("logged_out:logged_out_from_phone");
    }

    @Test
    void aSendComesBackAsSentThenDeliveredThenRead() {
        RecordingListener listener = new RecordingListener();
        Session session = loggedIn(ALICE, listener);

        session.send(new OutboundMessage.Text("3EB0AAAA", "6281111111111@s.whatsapp.net", "hi")).toCompletableFuture().join();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(listener.receipts).extracting(MessageAcked::receiptType).containsExactly("sent", "delivered", "read"));
        assertThat(listener.receipts).allSatisfy(receipt -> {
            assertThat(receipt.ids()).containsExactly("3EB0AAAA");
            assertThat(receipt.chatId()).isEqualTo("6281111111111@s.whatsapp.net");
        });
        assertThat(routed).isEmpty();
    }

    @Test
    void aSendToAnotherSandboxAccountsPhoneIsRoutedToThatAccount() {
        loggedIn(BOB, new RecordingListener());
        Session alice = loggedIn(ALICE, new RecordingListener());

        alice.send(new OutboundMessage.Text("3EB0BBBB", SandboxIds.phoneFor(BOB), "hello bob")).toCompletableFuture().join();

        assertThat(routed).singleElement().isInstanceOfSatisfying(SandboxInbound.class, inbound -> {
            assertThat(inbound.accountId()).isEqualTo(BOB);
            assertThat(inbound.from()).isEqualTo(SandboxIds.phoneFor(ALICE));
            assertThat(inbound.message()).isEqualTo("hello bob");
            assertThat(inbound.messageId()).isEqualTo("3EB0BBBB");
        });
    }

    @Test
    void anInboundMessageReachesALoggedInSessionAsAMessage() {
        RecordingListener bob = new RecordingListener();
        loggedIn(BOB, bob);

        boolean delivered = connector.deliver(new SandboxInbound("c1", BOB, 1, "3EB0CCCC", "6281234567890", "Alice",
                "hey", null));

        assertThat(delivered).isTrue();
        assertThat(bob.messages).singleElement().satisfies(message -> {
            assertThat(message.chatId()).isEqualTo("6281234567890@s.whatsapp.net");
            assertThat(message.from()).isEqualTo("6281234567890");
            assertThat(message.body()).isEqualTo("hey");
            assertThat(message.isFromMe()).isFalse();
        });
        assertThat(connector.deliver(new SandboxInbound("c2", ALICE, 1, "3EB0DDDD", "1", null, "x", null))).isFalse();
    }

    @Test
    void aPendingLoginCompletesByItselfWhenAutoScanIsOn() {
        SandboxConnector autoScanning = new SandboxConnector(devices, network, new InMemorySandboxMessages(),
                new InMemorySandboxGroups(), scheduler, settings(Duration.ofMillis(20), new SessionWorkerProperties.Receipts(Duration.ZERO, Duration.ZERO, Duration.ZERO)),
                Clock.systemUTC(), routed::add);
        RecordingListener listener = new RecordingListener();

        autoScanning.open(ALICE, listener).loginWithQr().toCompletableFuture().join();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(listener.statuses).containsExactly("scan_qr", "logged_in"));
    }

    static SessionWorkerProperties.Sandbox settings(Duration autoScan, SessionWorkerProperties.Receipts receipts) {
        return new SessionWorkerProperties.Sandbox(Duration.ofSeconds(60), autoScan, receipts,
                Duration.ofMillis(500), Duration.ofSeconds(5),
                new SessionWorkerProperties.Messages(Duration.ofDays(7), Duration.ofMinutes(10)));
    }

    private Session loggedIn(AccountId account, RecordingListener listener) {
        Session session = connector.open(account, listener);
        session.loginWithQr().toCompletableFuture().join();
        connector.scan(account);
        return session;
    }
}
