package io.wafleet.infra.backing;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB-wire server in this JVM ({@code mongo-java-server}). With a data directory it keeps its
 * data in an H2 file that survives restarts; without one it is in memory. It has no TTL expiry, no
 * transactions, no {@code hello} command and unreliable change-stream updates: wafleet relies on none.
 */
public final class EmbeddedMongo implements AutoCloseable {

    public static final String DATABASE = "wafleet";

    private static final int WORKER_THREADS = 16;
    /** The H2 file of the documents, stored as BSON ({@link BsonDocumentType}). */
    private static final String FILE = "wafleet-bson.mv";
    /** The file of versions that stored documents Java-serialised. */
    private static final String EARLIER_FILE = "wafleet.mv";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

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
            backend = EmbeddedBackends.inMemory();
        } else {
            Files.createDirectories(dataDir);
            if (Files.exists(dataDir.resolve(EARLIER_FILE))) {
                log.warn("{} holds documents in an earlier encoding; it is not read (data is now in {})",
                        dataDir.resolve(EARLIER_FILE), dataDir.resolve(FILE));
            }
            backend = EmbeddedBackends.inFile(dataDir.resolve(FILE));
        }
        // No oplog: nothing here reads change streams, and mongo-java-server's oplog is a collection that
        // grows with every write, never trimmed, and costs each update a second serialised write.
        server = new MongoServer(backend);
        // more event-loop threads than netty's default (two per core): the server runs each request on its
        // connection's loop thread, and one waiting for a busy collection's lock would hold up every
        // other connection of that loop
        server.bind(new InetSocketAddress("127.0.0.1", port), 1, WORKER_THREADS);
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
