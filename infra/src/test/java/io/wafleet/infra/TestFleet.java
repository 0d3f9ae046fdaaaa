package io.wafleet.infra;

import io.wafleet.infra.backing.BackingServices;
import io.wafleet.infra.process.SessionWorkerGroup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * The embedded backing services and the whole fleet, started once per test JVM on free loopback
 * ports in a temporary directory, and stopped when the JVM exits. Tests share it and keep apart by
 * using their own account ids.
 */
final class TestFleet {

    /** Consumers of the in-process session worker: its {@code wafleet.kafka.concurrency}, set here (fewer than the default). */
    private static final int IN_PROCESS_CONSUMERS = 2;

    private static TestFleet shared;

    final Path dataDir;
    final TestBrokers.Backing backing;
    final Fleet fleet;

    private TestFleet(Path dataDir, TestBrokers.Backing backing, Fleet fleet) {
        this.dataDir = dataDir;
        this.backing = backing;
        this.fleet = fleet;
    }

    static synchronized TestFleet shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return shared;
    }

    static TestFleet start() {
        try {
            return start(Files.createTempDirectory("wafleet-it"), freePorts());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TestFleet start(Path dataDir, BackingServices.Ports ports) {
        try {
            return start(dataDir, TestBrokers.start(dataDir, ports));
        } catch (Exception e) {
            throw new IllegalStateException("could not start the backing services", e);
        }
    }

    /** The fleet on the embedded default whatever the machine has, for tests of the embedded default itself. */
    static TestFleet startEmbedded(Path dataDir, BackingServices.Ports ports) {
        try {
            return start(dataDir, TestBrokers.startEmbedded(dataDir, ports));
        } catch (Exception e) {
            throw new IllegalStateException("could not start the embedded default", e);
        }
    }

    private static TestFleet start(Path dataDir, TestBrokers.Backing backing) {
        Fleet fleet;
        try {
            fleet = Fleet.start(backing.kafkaBootstrapServers(), backing.mongoUri(), dataDir, 0,
                    "--wafleet.kafka.concurrency=" + IN_PROCESS_CONSUMERS);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the test fleet", e);
        }
        try {
            awaitSettled(backing);
        } catch (RuntimeException e) {
            fleet.close();
            throw e;
        }
        return new TestFleet(dataDir, backing, fleet);
    }

    /**
     * A login that a test starts while the session worker's consumers are still joining loses its
     * pending QR when its partition moves to the second consumer: tests begin once the group is settled.
     */
    private static void awaitSettled(TestBrokers.Backing backing) {
        try (SessionWorkerGroup group = new SessionWorkerGroup(backing.kafkaBootstrapServers())) {
            await("the in-process session worker's " + IN_PROCESS_CONSUMERS + " consumers to settle")
                    .atMost(Duration.ofSeconds(60)).until(() -> group.settled(IN_PROCESS_CONSUMERS));
        }
    }

    static BackingServices.Ports freePorts() {
        return BackingServices.Ports.free();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + fleet.gatewayPort();
    }

    void stop() {
        fleet.close();
        try {
            backing.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the backing services", e);
        }
    }
}
