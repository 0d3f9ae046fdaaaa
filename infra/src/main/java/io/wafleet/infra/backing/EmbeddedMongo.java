package io.wafleet.infra.backing;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB-wire server in this JVM ({@code mongo-java-server}). With a data directory it keeps its
 * data in an H2 file that survives restarts; without one it is in memory. It has no TTL expiry, no
 * transactions, no {@code hello} command and unreliable change-stream updates: wafleet relies on none.
 */
public final class EmbeddedMongo implements AutoCloseable {

    public static final String DATABASE = "wafleet";

    private final Path dataDir;
    private final int port;
    private MongoServer server;

    /** {@code dataDir} null: in memory. */
    public EmbeddedMongo(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    public synchronized EmbeddedMongo start() throws IOException {
        MongoBackend backend;
        if (dataDir == null) {
            backend = new MemoryBackend();
        } else {
            Files.createDirectories(dataDir);
            backend = new H2Backend(dataDir.resolve("wafleet.mv").toString());
        }
        // No oplog: nothing here reads change streams, and mongo-java-server's oplog is a collection that
        // grows with every write, never trimmed, and costs each update a second serialised write.
        server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        return this;
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + port + "/" + DATABASE;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.shutdown();
            server = null;
        }
    }
}
