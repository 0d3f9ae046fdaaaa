package io.wafleet.infra;

import io.wafleet.infra.backing.BackingServices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded backing services and the whole fleet, started once per test JVM on free loopback
 * ports in a temporary directory, and stopped when the JVM exits. Tests share it and keep apart by
 * using their own account ids.
 */
final class TestFleet {

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
        try {
            Fleet fleet = Fleet.start(backing.kafkaBootstrapServers(), backing.mongoUri(), dataDir, 0);
            return new TestFleet(dataDir, backing, fleet);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the test fleet", e);
        }
    }

    static BackingServices.Ports freePorts() {
        return new BackingServices.Ports(freePort(), freePort(), freePort());
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
