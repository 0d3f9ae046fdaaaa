package io.wafleet.infra.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * What the launchers share, whichever worker they start: the module's executable jar, checked and
 * copied, run as a small JVM that starts fast (a 256 MB heap, the serial collector, C1 only) with its
 * settings in its environment and its output in a log file of its own.
 */
final class WorkerJvm {

    /** Small heap, serial GC, C1 only: many workers start quickly on a small machine. */
    static final List<String> LEAN = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    /** The JVM's own defaults but for a bounded heap, as a service runs when deployed. */
    static final List<String> AS_DEPLOYED = List.of("-Xmx512m");

    private WorkerJvm() {
    }

    /** The jar as an absolute path; fails, saying how to build it, when there is none. */
    static Path requireJar(Path jar, String module) {
        Path absolute = jar.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new IllegalStateException("No " + module + " jar at " + absolute
                    + ": run ./mvnw package first (from the repository root), or point at the jar");
        }
        return absolute;
    }

    /**
     * Copies the jar into {@code dir} as {@code <module>.jar} and answers the copy, so that a rebuild of
     * the module during a run neither changes the workers' code halfway nor lets a worker start from a
     * half-written jar.
     */
    static Path copyJar(Path jar, Path dir, String module) {
        Path source = requireJar(jar, module);
        try {
            Files.createDirectories(dir);
            return Files.copy(source, dir.resolve(module + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy " + source + " to " + dir, e);
        }
    }

    /**
     * Runs {@code java jvmOptions -jar jar args} with {@code env} added to this JVM's environment; the output
     * goes to {@code <logDir>/<id>.log}. {@code worker} wraps the started process and its log file.
     */
    static <W extends WorkerProcess> W start(Path jar, List<String> jvmOptions, List<String> args, Map<String, String> env,
                                             Path logDir, String id, BiFunction<Process, Path, W> worker) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        try {
            Files.createDirectories(logDir);
            W started = worker.apply(builder.start(), logDir.resolve(id + ".log"));
            started.copyOutputInBackground();
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + id + " from " + jar, e);
        }
    }
}
