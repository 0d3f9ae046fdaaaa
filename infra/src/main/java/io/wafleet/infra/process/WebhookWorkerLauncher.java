package io.wafleet.infra.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts webhook workers from {@code webhook-worker.jar} as separate JVMs ({@link WorkerJvm}) on one
 * Kafka, one MongoDB and one data directory (so they share the master key that opens webhook secrets
 * with the gateway), each with a log file of its own named by the id it is given (the worker itself
 * has no id: the consumer group tells its members apart).
 *
 * @param jar                   the executable jar ({@code webhook-worker/target/webhook-worker.jar})
 * @param kafkaBootstrapServers {@code KAFKA_BOOTSTRAP_SERVERS} of every worker
 * @param mongoUri              {@code MONGODB_URI} of every worker
 * @param dataDir               {@code WAFLEET_DATA_DIR} of every worker
 * @param logDir                where {@code <id>.log} files go
 * @param args                  extra Spring arguments for every worker, e.g. {@code --wafleet.delivery.max-in-flight=64}
 * @param jvmOptions            {@link #LEAN} for tests that start several, {@link #AS_DEPLOYED} to measure one
 */
public record WebhookWorkerLauncher(Path jar, String kafkaBootstrapServers, String mongoUri, Path dataDir, Path logDir,
                                    List<String> args, List<String> jvmOptions) {

    /** Small heap, serial GC, C1 only: many workers start quickly on a small machine. */
    public static final List<String> LEAN = WorkerJvm.LEAN;
    /** The JVM's own defaults but for a bounded heap, as the service runs when deployed. */
    public static final List<String> AS_DEPLOYED = WorkerJvm.AS_DEPLOYED;

    /** Consumer threads of each worker on the event topic, set explicitly so {@link WebhookWorkerGroup} can count them. */
    public static final int CONSUMERS_PER_WORKER = 2;
    private static final String MODULE = "webhook-worker";

    public WebhookWorkerLauncher {
        jar = WorkerJvm.requireJar(jar, MODULE);
        args = List.copyOf(args);
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** Copies the jar into {@code dir} and answers the copy, so that a rebuild during a run changes nothing. */
    public static Path copyJar(Path jar, Path dir) {
        return WorkerJvm.copyJar(jar, dir, MODULE);
    }

    /** Starts a worker; it is ready once {@link WorkerProcess#awaitReady} returns. */
    public WebhookWorkerProcess start(String id) {
        List<String> workerArgs = new ArrayList<>();
        workerArgs.add("--wafleet.kafka.events-concurrency=" + CONSUMERS_PER_WORKER);
        workerArgs.addAll(args);
        Map<String, String> env = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers,
                "MONGODB_URI", mongoUri,
                "WAFLEET_DATA_DIR", dataDir.toAbsolutePath().toString(),
                "PORT", "0");
        return WorkerJvm.start(jar, jvmOptions, workerArgs, env, logDir, id, (process, log) -> new WebhookWorkerProcess(id, process, log));
    }
}
