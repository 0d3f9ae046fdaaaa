package io.wafleet.infra.backing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * The embedded default: the Kafka broker and the MongoDB-wire server, on loopback, with their data
 * under one directory. Stops the MongoDB-wire server after the broker, in the reverse order of start.
 */
public final class BackingServices implements AutoCloseable {

    private final EmbeddedKafka kafka;
    private final EmbeddedMongo mongo;

    private BackingServices(EmbeddedKafka kafka, EmbeddedMongo mongo) {
        this.kafka = kafka;
        this.mongo = mongo;
    }

    public static BackingServices start(Path dataDir, Ports ports) throws Exception {
        return start(dataDir, ports, false);
    }

    /**
     * As {@link #start(Path, Ports)}; {@code mongoInMemory}: the MongoDB-wire server keeps nothing on disk
     * (for benchmarks: its H2 file store's background writer has been seen spinning on a core for
     * minutes under a sustained write load, which would be measured as the fleet's cost).
     */
    public static BackingServices start(Path dataDir, Ports ports, boolean mongoInMemory) throws Exception {
        EmbeddedMongo mongo = new EmbeddedMongo(mongoInMemory ? null : dataDir.resolve("mongo"), ports.mongo()).start();
        try {
            EmbeddedKafka kafka = new EmbeddedKafka(dataDir.resolve("kafka"), ports.kafka(), ports.kafkaController()).start();
            return new BackingServices(kafka, mongo);
        } catch (Exception e) {
            mongo.close();
            throw e;
        }
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String mongoUri() {
        return mongo.connectionString();
    }

    /** The broker alone, for tests of a broker restart. */
    public EmbeddedKafka kafka() {
        return kafka;
    }

    /** Stops the broker; the MongoDB-wire server keeps running. {@link #startKafka()} brings it back. */
    public void stopKafka() {
        kafka.close();
    }

    /** Starts the broker again on the same data and ports: its topics and committed offsets are still there. */
    public void startKafka() throws Exception {
        kafka.start();
    }

    /** Stops the MongoDB-wire server; the broker keeps running. {@link #startMongo()} brings it back. */
    public void stopMongo() {
        mongo.close();
    }

    /** Starts the MongoDB-wire server again on the same data and port. */
    public void startMongo() throws IOException {
        mongo.start();
    }

    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            mongo.close();
        }
    }

    /** The loopback ports of the backing services. */
    public record Ports(int kafka, int kafkaController, int mongo) {

        public static final Ports DEFAULT = new Ports(9092, 9093, 27017);

        /** Three loopback ports free right now (another process may still take one before they are bound). */
        public static Ports free() {
            return new Ports(freePort(), freePort(), freePort());
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
