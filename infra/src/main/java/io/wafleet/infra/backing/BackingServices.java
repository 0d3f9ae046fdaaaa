package io.wafleet.infra.backing;

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
        EmbeddedMongo mongo = new EmbeddedMongo(dataDir.resolve("mongo"), ports.mongo()).start();
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

    /** Stops only the broker, for tests of a broker restart. */
    public EmbeddedKafka kafka() {
        return kafka;
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
    }
}
