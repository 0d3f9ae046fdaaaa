package io.wafleet.infra.bench;

import io.wafleet.infra.process.SessionWorkerProcess;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * {@code bench sessions}: the live heap ({@link HeapProbe}, after a full collection) and the resident set
 * of one session worker process per idle logged-in sandbox session, against the target of 100 KB of
 * heap each. The worker's figures with no session, just after it started and settled, are the
 * baseline; then sandbox accounts are logged in through the API until it holds each count asked for
 * (counts grow: 10,000 after 1,000 logs in 9,000 more), and once its command lag is 0 and a quiet spell
 * has passed it is probed again. Per session: (probe - baseline) / sessions.
 */
final class SessionsBench {

    static final String USAGE = """
            usage: java -jar infra/target/wafleet.jar bench sessions [options]
              --sessions N,N...      idle sessions to hold, one probe each (default 1000,10000)
              --login-concurrency N  logins in flight (default 32)
              --worker-jar PATH      the session worker's jar (default session-worker/target/session-worker.jar)
              --out PATH             where to write the results as JSON (default bench-sessions.json)""";
    private static final Duration QUIET = Duration.ofSeconds(5);
    private static final Duration LOGIN_TIMEOUT = Duration.ofMinutes(15);

    record Options(List<Integer> sessions, int loginConcurrency, Path workerJar, Path out) {

        static Options parse(List<String> args) {
            BenchArgs given = BenchArgs.parse(args, Set.of("sessions", "login-concurrency", "worker-jar", "out"));
            return new Options(given.numbers("sessions", List.of(1_000, 10_000)).stream().sorted().distinct().toList(),
                    given.number("login-concurrency", 32),
                    given.path("worker-jar", "session-worker/target/session-worker.jar"), given.path("out", "bench-sessions.json"));
        }
    }

    /** The worker's live heap and resident set (bytes) while it held {@code sessions} sessions, logged in in {@code loginTime}. */
    record Probe(int sessions, long heap, long resident, Duration loginTime) {

        double heapPerSessionKb(Probe baseline) {
            return (heap - baseline.heap) / 1024.0 / sessions;
        }

        double residentPerSessionKb(Probe baseline) {
            return (resident - baseline.resident) / 1024.0 / sessions;
        }
    }

    private final Options options;
    private final PrintStream out;
    private final HeapProbe probe = new HeapProbe();

    SessionsBench(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    void run() throws Exception {
        if (!probe.available()) {
            throw new IllegalStateException("no jcmd in " + System.getProperty("java.home") + ": run the benchmark on a JDK");
        }
        try (BenchFleet fleet = BenchFleet.start(options.workerJar(), List.of())) {
            SessionWorkerProcess worker = fleet.startWorkers(Stream.of("sessions-worker-1")).getFirst();
            fleet.awaitSettled();
            Probe baseline = probeWhenIdle(fleet, worker, 0, Duration.ZERO);
            out.printf("baseline (no session): heap %.1f MB, resident %.1f MB%n", baseline.heap() / 1e6, baseline.resident() / 1e6);
            BenchApi api = new BenchApi(fleet.gatewayPort());
            List<Probe> probes = new ArrayList<>();
            int held = 0;
            for (int sessions : options.sessions()) {
                long start = System.nanoTime();
                api.logInAll(IntStream.range(held, sessions).mapToObj(i -> "idle-%05d".formatted(i)).toList(), options.loginConcurrency());
                Poll.until(() -> fleet.loggedInOn(List.of(worker)) == sessions, LOGIN_TIMEOUT, sessions + " accounts logged_in");
                Duration loginTime = Duration.ofNanos(System.nanoTime() - start);
                out.printf("%d accounts logged in (%d new in %.0f s)%n", sessions, sessions - held, loginTime.toMillis() / 1e3);
                held = sessions;
                probes.add(probeWhenIdle(fleet, worker, sessions, loginTime));
            }
            report(baseline, probes);
        }
    }

    private Probe probeWhenIdle(BenchFleet fleet, SessionWorkerProcess worker, int sessions, Duration loginTime)
            throws InterruptedException {
        fleet.awaitCommandsDone(LOGIN_TIMEOUT);
        Thread.sleep(QUIET.toMillis());
        long heap = probe.liveBytes(worker.pid());
        return new Probe(sessions, heap, probe.residentBytes(worker.pid()), loginTime);
    }

    private void report(Probe baseline, List<Probe> probes) throws Exception {
        out.println();
        out.printf("%-10s %12s %14s %16s %18s %12s%n", "sessions", "heap MB", "resident MB", "heap KB/session",
                "resident KB/session", "logins s");
        List<Object> rows = new ArrayList<>();
        for (Probe probe : probes) {
            out.printf("%-10d %12.1f %14.1f %16.2f %18.2f %12.0f%n", probe.sessions(), probe.heap() / 1e6, probe.resident() / 1e6,
                    probe.heapPerSessionKb(baseline), probe.residentPerSessionKb(baseline), probe.loginTime().toMillis() / 1e3);
            rows.add(new Row(probe.sessions(), probe.heap(), probe.resident(), round(probe.heapPerSessionKb(baseline)),
                    round(probe.residentPerSessionKb(baseline)), probe.loginTime().toMillis() / 1e3));
        }
        out.println("target: < 100 KB of heap per idle session");
        new BenchResults().put("baseline_heap_bytes", baseline.heap()).put("baseline_resident_bytes", baseline.resident())
                .put("probes", rows).write(options.out(), out);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** One probe as written to the JSON file. */
    record Row(int sessions, long heapBytes, long residentBytes, double heapKbPerSession, double residentKbPerSession,
                       double loginSeconds) {
    }
}
