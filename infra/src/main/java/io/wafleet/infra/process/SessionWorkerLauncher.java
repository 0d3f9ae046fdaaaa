package io.wafleet.infra.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts session workers from {@code session-worker.jar} as separate JVMs ({@link WorkerJvm}) on one
 * Kafka, one MongoDB and one data directory (so they share the master key), each with its own worker
 * id and a log file of its own.
 *
 * @param jar                   the executable jar ({@code session-worker/target/session-worker.jar})
 * @param kafkaBootstrapServers {@code KAFKA_BOOTSTRAP_SERVERS} of every worker
 * @param mongoUri              {@code MONGODB_URI} of every worker
 * @param dataDir               {@code WAFLEET_DATA_DIR} of every worker
 * @param logDir                where {@code <worker id>.log} files go
 * @param args                  extra Spring arguments for every worker, e.g. {@code --wafleet.restore.starts-per-second=100}
 * @param jvmOptions            the workers' JVM options: {@link #LEAN} for tests (quick to start, small),
 *                              {@link #AS_DEPLOYED} to measure them as they run in production
 */
public record SessionWorkerLauncher(Path jar, String kafkaBootstrapServers, String mongoUri, Path dataDir, Path logDir,
                                    List<String> args, List<String> jvmOptions) {

    /** Small heap, serial GC, C1 only: many workers start quickly on a small machine. */
    public static final List<String> LEAN = WorkerJvm.LEAN;
    /** The JVM's own defaults but for a bounded heap, as the service runs when deployed. */
    public static final List<String> AS_DEPLOYED = WorkerJvm.AS_DEPLOYED;

    /**
     * Consumer threads of each worker on the command topic, set explicitly so {@link SessionWorkerGroup} can
     * count them, unless {@code args} set them ({@link #consumersPerWorker}).
     */
    public static final int CONSUMERS_PER_WORKER = 2;
    private static final String MODULE = "session-worker";
    private static final String CONCURRENCY = "--wafleet.kafka.concurrency=";

    public SessionWorkerLauncher {
        jar = WorkerJvm.requireJar(jar, MODULE);
        args = List.copyOf(args);
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** Copies the jar into {@code dir} and answers the copy, so that a rebuild during a run changes nothing. */
    public static Path copyJar(Path jar, Path dir) {
        return WorkerJvm.copyJar(jar, dir, MODULE);
    }

    /** The worker argument that gives it {@code threads} consumer threads on the command topic. */
    public static String consumersArg(int threads) {
        return CONCURRENCY + threads;
    }

    /** True when {@code args} set the worker's consumer threads. */
    public static boolean setsConsumers(List<String> args) {
        return args.stream().anyMatch(arg -> arg.startsWith(CONCURRENCY));
    }

    /** Consumer threads of each worker this launcher starts: as {@code args} set them, else {@link #CONSUMERS_PER_WORKER}. */
    public int consumersPerWorker() {
        return args.stream().filter(arg -> arg.startsWith(CONCURRENCY)).findFirst()
                .map(arg -> Integer.parseInt(arg.substring(CONCURRENCY.length()))).orElse(CONSUMERS_PER_WORKER);
    }

    /** Starts a worker; it is ready once {@link WorkerProcess#awaitReady} returns. */
    public SessionWorkerProcess start(String workerId) {
        List<String> workerArgs = new ArrayList<>();
        if (!setsConsumers(args)) {
            workerArgs.add(consumersArg(CONSUMERS_PER_WORKER));
        }
        workerArgs.addAll(args);
        Map<String, String> env = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers,
                "MONGODB_URI", mongoUri,
                "WAFLEET_DATA_DIR", dataDir.toAbsolutePath().toString(),
                "WAFLEET_WORKER_ID", workerId,
                "PORT", "0");
        return WorkerJvm.start(jar, jvmOptions, workerArgs, env, logDir, workerId,
                (process, log) -> new SessionWorkerProcess(workerId, process, log));
    }
}
