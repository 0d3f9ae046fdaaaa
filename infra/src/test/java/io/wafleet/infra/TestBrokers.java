package io.wafleet.infra;

import io.wafleet.infra.backing.BackingServices;
import io.wafleet.infra.backing.EmbeddedMongo;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Chooses the real Kafka broker the shared test fleet runs on: a Testcontainers Kafka where a Docker
 * engine answers (or {@code -Dwafleet.it.broker=testcontainers} insists), otherwise the in-process KRaft
 * broker of the embedded default. The MongoDB-wire server is in-process either way.
 */
final class TestBrokers {

    static final String PROPERTY = "wafleet.it.broker";
    private static final String KAFKA_IMAGE = "apache/kafka:4.1.1";

    private TestBrokers() {
    }

    /** The backing services for the shared fleet, as one closeable with its addresses. */
    static Backing start(Path dataDir, BackingServices.Ports ports) throws Exception {
        if (useTestcontainers()) {
            return startWithContainer(ports);
        }
        return startEmbedded(dataDir, ports);
    }

    /** Always the embedded default, for tests of the embedded default itself (restarts on the same data). */
    static Backing startEmbedded(Path dataDir, BackingServices.Ports ports) throws Exception {
        BackingServices backing = BackingServices.start(dataDir, ports);
        return new Backing(backing.kafkaBootstrapServers(), backing.mongoUri(), backing::close);
    }

    private static Backing startWithContainer(BackingServices.Ports ports) throws Exception {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        kafka.start();
        EmbeddedMongo mongo = new EmbeddedMongo(null, ports.mongo()).start();
        return new Backing(kafka.getBootstrapServers(), mongo.connectionString(), () -> {
            kafka.stop();
            mongo.close();
        });
    }

    private static boolean useTestcontainers() {
        String choice = System.getProperty(PROPERTY, "auto");
        if (choice.equals("embedded")) {
            return false;
        }
        if (choice.equals("testcontainers")) {
            return true;
        }
        boolean dockerConfigured = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
        return dockerConfigured && DockerClientFactory.instance().isDockerAvailable();
    }

    record Backing(String kafkaBootstrapServers, String mongoUri, AutoCloseable closer) implements AutoCloseable {

        @Override
        public void close() throws Exception {
            closer.close();
        }
    }
}
