package io.wafleet.infra.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One worker JVM started from its module's jar ({@link WorkerJvm}). Its output is copied to its log
 * file line by line; the worker is ready when it logs that its Spring application started (its HTTP
 * port, which serves the actuator, is logged just before). The signals are the real ones: SIGKILL
 * ({@link #kill}), SIGTERM ({@link #terminate}), SIGSTOP and SIGCONT ({@link #pause}, {@link #resume}).
 */
public abstract sealed class WorkerProcess implements AutoCloseable permits SessionWorkerProcess, WebhookWorkerProcess {

    private static final Pattern PORT = Pattern.compile("Netty started on port (\\d+)");
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(30);

    private final String kind;
    private final String startedLine;
    private final String id;
    private final Process process;
    private final Path log;
    private final CompletableFuture<Integer> ready = new CompletableFuture<>();
    private volatile int port;

    /**
     * @param kind        what the worker is, for messages ({@code "session worker"})
     * @param application the worker's Spring application class, whose "Started ..." line means ready
     */
    WorkerProcess(String kind, Class<?> application, String id, Process process, Path log) {
        this.kind = kind;
        this.startedLine = "Started " + application.getSimpleName();
        this.id = id;
        this.process = process;
        this.log = log;
    }

    /** Copies the output to the log file, watching for the start, on a daemon thread of its own. */
    final void copyOutputInBackground() {
        Thread.ofPlatform().daemon().name("log-" + id).start(this::copyOutput);
    }

    /** Waits until the worker has started (its Kafka consumers are running); fails if it exits first. */
    public WorkerProcess awaitReady(Duration timeout) {
        try {
            ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return this;
        } catch (TimeoutException e) {
            throw new IllegalStateException(this + " did not start within " + timeout + "; see " + log);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + this + " started", e);
        }
    }

    public String id() {
        return id;
    }

    public long pid() {
        return process.pid();
    }

    /** The actuator's port, known once the worker is ready. */
    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, as a crash: nothing is closed, released, committed or handed over. Returns once the process is gone. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(EXIT_TIMEOUT);
    }

    /** SIGTERM, as an orchestrator stops a worker: it shuts down gracefully. Returns at once. */
    public void terminate() {
        process.destroy();
    }

    /** SIGSTOP: the JVM is frozen (as in a long GC pause or a suspended VM), its connections stay open. */
    public void pause() {
        signal("STOP");
    }

    /** SIGCONT after {@link #pause}. */
    public void resume() {
        signal("CONT");
    }

    /** Waits for the process to end and answers its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(this + " still runs after " + timeout + "; see " + log);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + this, e);
        }
    }

    /** SIGKILL if it still runs (a paused process dies too). */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    @Override
    public String toString() {
        return kind + " " + id + " (pid " + process.pid() + ")";
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not send SIG" + name + " to " + this, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling " + this, e);
        }
    }

    private void copyOutput() {
        try (BufferedReader output = process.inputReader(StandardCharsets.UTF_8);
             Writer file = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                file.write(line);
                file.write('\n');
                file.flush();
                watchForStart(line);
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IllegalStateException(kind + " " + id + " exited before it was ready; see " + log));
    }

    private void watchForStart(String line) {
        if (ready.isDone()) {
            return;
        }
        Matcher matcher = PORT.matcher(line);
        if (matcher.find()) {
            port = Integer.parseInt(matcher.group(1));
        } else if (line.contains(startedLine)) {
            ready.complete(port);
        }
    }
}
