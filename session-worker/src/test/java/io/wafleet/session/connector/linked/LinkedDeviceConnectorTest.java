package io.wafleet.session.connector.linked;

import io.wafleet.session.connector.RecordingListener;
import io.wafleet.common.AccountId;
import io.wafleet.common.connector.ConnectorException;
import io.wafleet.common.connector.Credentials;
import io.wafleet.common.connector.OutboundMessage;
import io.wafleet.common.connector.Session;
import io.wafleet.common.connector.SessionSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The connector offline: every connection it tries goes to a loopback port, refused or silent. */
class LinkedDeviceConnectorTest {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final LinkedDeviceConnector connector = new LinkedDeviceConnector(new LinkedDeviceConnector.Options(
            CONNECT_TIMEOUT, Duration.ofSeconds(20), Duration.ofMillis(100), scheduler, Clock.systemUTC()));
    private final RecordingListener listener = new RecordingListener();
    private final List<Session> sessions = new CopyOnWriteArrayList<>();
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws IOException {
        sessions.forEach(Session::close);
        for (Socket socket : accepted) {
            socket.close();
        }
        scheduler.shutdownNow();
    }

    @Test
    void itIsTheLinkedDeviceConnector() {
        assertThat(connector.name()).isEqualTo("linked_device");
    }

    @Test
    void aQrLoginThroughARefusingProxyFailsUnreachableAndStopsTrying() throws Exception {
        int closedPort = closedPort();
        Session session = open("http://127.0.0.1:" + closedPort);
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();

        long started = System.nanoTime();
        ConnectorException failure = failureOf(session.loginWithQr());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(CONNECT_TIMEOUT.plusSeconds(1));
        assertThat(failure.reason()).isEqualTo("unreachable");
        assertThat(failure.getMessage()).contains("through the proxy 127.0.0.1:" + closedPort);
        await().atMost(Duration.ofSeconds(2)).until(() -> listener.statuses.contains("failed:unreachable"));
        assertNoFurtherAttempts();
        // the worker retries with new sessions: attempts leave no threads behind
        for (int attempt = 0; attempt < 5; attempt++) {
            failureOf(open("http://127.0.0.1:" + closedPort).loginWithQr());
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            System.gc();
            assertThat(ManagementFactory.getThreadMXBean().getThreadCount()).as(this::threadNames).isLessThanOrEqualTo(threadsBefore + 5);
        });
    }

    @Test
    void aPairingCodeLoginThatWhatsAppNeverAnswersFailsWithinTheConnectTimeout() throws Exception {
        try (ServerSocket silent = silentProxy()) {
            Session session = open("http://127.0.0.1:" + silent.getLocalPort());

            long started = System.nanoTime();
            ConnectorException failure = failureOf(session.loginWithCode("6281234567890"));

            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(failure.reason()).isEqualTo("unreachable");
            assertThat(failure.getMessage()).contains("no answer from WhatsApp within 2000 ms");
            assertThat(took).isGreaterThanOrEqualTo(CONNECT_TIMEOUT.minusMillis(100)).isLessThan(CONNECT_TIMEOUT.plusSeconds(2));
            await().atMost(Duration.ofSeconds(2)).untilAsserted(() ->
                    assertThat(listener.statuses).containsExactly("connecting", "failed:unreachable"));
        }
    }

    @Test
    void aRestoreWhenWhatsAppIsUnreachableFailsAndReportsFailed() throws Exception {
        Session session = open("http://127.0.0.1:" + closedPort());

        ConnectorException failure = failureOf(session.restore(registeredLogin()));

        assertThat(failure.reason()).isEqualTo("unreachable");
        await().atMost(Duration.ofSeconds(2)).until(() -> listener.statuses.contains("failed:unreachable"));
        assertThat(listener.credentials).as("a restore is no new login").isEmpty();
    }

    @Test
    void theAccountsHttpProxyIsHandedToCobalt() throws Exception {
        URI proxy = URI.create("http://user:secret@127.0.0.1:" + closedPort());
        var session = (LinkedDeviceSession) open(proxy.toString());

        failureOf(session.loginWithQr());

        assertThat(session.client().store().proxy()).contains(proxy);
        assertThat(session.toString()).doesNotContain("secret");
    }

    @Test
    void aSocksProxyIsRefusedRatherThanBypassed() throws Exception {
        var session = (LinkedDeviceSession) open("socks5://127.0.0.1:" + closedPort());

        ConnectorException failure = failureOf(session.loginWithQr());

        assertThat(failure.reason()).isEqualTo("proxy_not_supported");
        assertThat(session.client()).as("no client, so no direct connection").isNull();
        assertThat(listener.statuses).containsExactly("failed:proxy_not_supported");
    }

    @Test
    void storedCredentialsOfAnotherKindOrNeverLoggedInAreRefused() throws Exception {
        assertThat(failureOf(open(null).restore(new Credentials("sandbox", new byte[]{1}))).reason()).isEqualTo("bad_credentials");
        var unregistered = new InMemorySerializer(() -> { }, () -> { })
                .newStoreKeysPair(java.util.UUID.randomUUID(), null, null, it.auties.whatsapp.api.ClientType.WEB);
        Credentials halfLogin = LinkedDeviceCredentials.encode(unregistered.keys(), unregistered.store());

        assertThat(failureOf(open(null).restore(halfLogin)).getMessage()).contains("never completed");
    }

    @Test
    void callsBeforeALoginOrOutsideWhatItSupportsFailWithAReason() throws Exception {
        Session session = open(null);

        assertThat(failureOf(session.send(new OutboundMessage.Text("WAF1", "6281111111111", "hi"))).reason()).isEqualTo("not_logged_in");
        assertThat(failureOf(session.logout()).reason()).isEqualTo("not_logged_in");
        assertThat(failureOf(session.lookUp("6281111111111")).reason()).isEqualTo("not_supported");
        assertThat(failureOf(session.leaveGroup("1@g.us")).reason()).isEqualTo("not_supported");
    }

    /** No more statuses, no spinning thread and no piling threads once an attempt failed. */
    private void assertNoFurtherAttempts() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int reported = listener.statuses.size();
        long cpuBefore = os.getProcessCpuTime();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> listener.statuses.size() == reported);
        long cpuSpent = os.getProcessCpuTime() - cpuBefore;
        assertThat(Duration.ofNanos(cpuSpent)).as("CPU over 2 s idle after the failure").isLessThan(Duration.ofMillis(500));
    }

    private String threadNames() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).sorted().toList().toString();
    }

    private Session open(String proxy) {
        Session session = connector.open(new AccountId("acc-linked"), listener,
                proxy == null ? SessionSettings.DIRECT : new SessionSettings(URI.create(proxy)));
        sessions.add(session);
        return session;
    }

    private Credentials registeredLogin() {
        var pair = new InMemorySerializer(() -> { }, () -> { })
                .newStoreKeysPair(java.util.UUID.randomUUID(), null, null, it.auties.whatsapp.api.ClientType.WEB);
        pair.keys().setRegistered(true);
        return LinkedDeviceCredentials.encode(pair.keys(), pair.store());
    }

    private static ConnectorException failureOf(CompletionStage<?> stage) throws Exception {
        try {
            stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(ConnectorException.class);
            return (ConnectorException) e.getCause();
        }
        throw new AssertionError("the call succeeded");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A proxy that takes connections and never answers, as a black-holed network does. */
    private ServerSocket silentProxy() throws IOException {
        ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    accepted.add(server.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        });
        return server;
    }
}
