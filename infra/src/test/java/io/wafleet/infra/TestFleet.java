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
    final BackingServices backing;
    final Fleet fleet;

    private TestFleet(Path dataDir, BackingServices backing, Fleet fleet) {
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
            BackingServices backing = BackingServices.start(dataDir, ports);
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
        backing.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
