package io.wafleet.infra.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts session workers from {@code session-worker.jar} as separate JVMs on one Kafka, one MongoDB and
 * one data directory (so they share the master key), each with its own worker id and a log file of
 * its own. The JVMs are small and start fast: a 256 MB heap, the serial collector, C1 only.
 *
 * @param jar                   the executable jar ({@code session-worker/target/session-worker.jar})
 * @param kafkaBootstrapServers {@code KAFKA_BOOTSTRAP_SERVERS} of every worker
 * @param mongoUri              {@code MONGODB_URI} of every worker
 * @param dataDir               {@code WAFLEET_DATA_DIR} of every worker
 * @param logDir                where {@code <worker id>.log} files go
 * @param args                  extra Spring arguments for every worker, e.g. {@code --wafleet.restore.starts-per-second=100}
 */
public record SessionWorkerLauncher(Path jar, String kafkaBootstrapServers, String mongoUri, Path dataDir, Path logDir,
                                    List<String> args) {

    public static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    /** Consumer threads of each worker on the command topic, set explicitly so {@link SessionWorkerGroup} can count them. */
    public static final int CONSUMERS_PER_WORKER = 2;

    public SessionWorkerLauncher {
        jar = requireJar(jar);
        args = List.copyOf(args);
    }

    /**
     * Copies the jar into {@code dir} and answers the copy, so that a rebuild of the module during a run
     * neither changes the workers' code halfway nor lets a worker start from a half-written jar.
     */
    public static Path copyJar(Path jar, Path dir) {
        Path source = requireJar(jar);
        try {
            Files.createDirectories(dir);
            return Files.copy(source, dir.resolve("session-worker.jar"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy " + source + " to " + dir, e);
        }
    }

    private static Path requireJar(Path jar) {
        Path absolute = jar.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new IllegalStateException("No session-worker jar at " + absolute
                    + ": run ./mvnw package first (from the repository root), or point at the jar");
        }
        return absolute;
    }

    /** Starts a worker; it is ready once {@link SessionWorkerProcess#awaitReady} returns. */
    public SessionWorkerProcess start(String workerId) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--wafleet.kafka.concurrency=" + CONSUMERS_PER_WORKER);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        env.put("MONGODB_URI", mongoUri);
        env.put("WAFLEET_DATA_DIR", dataDir.toAbsolutePath().toString());
        env.put("WAFLEET_WORKER_ID", workerId);
        env.put("PORT", "0");
        try {
            Files.createDirectories(logDir);
            return SessionWorkerProcess.start(workerId, builder, logDir.resolve(workerId + ".log"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start session worker " + workerId, e);
        }
    }
}
