package io.wafleet.infra.bench;

import io.wafleet.infra.process.SessionWorkerProcess;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * {@code bench failover}: logs in N sandbox accounts over W session worker processes, then measures
 * how long the accounts of one worker take to be {@code logged_in} on the survivors after a SIGKILL
 * (crash failover) and, once a replacement worker has joined, after a SIGTERM (graceful handoff); and
 * the heap each restored idle session costs the survivors (their live objects before and after).
 */
final class FailoverBench {

    private static final Duration LOGIN_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration HANDOVER_TIMEOUT = Duration.ofMinutes(2);
    static final Duration QUIET_BEFORE_GRACEFUL = Duration.ofSeconds(5);

    private final Options options;
    private final PrintStream out;
    private final HeapProbe heap = new HeapProbe();

    FailoverBench(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    void run() throws Exception {
        out.printf("wafleet bench failover: %d sandbox accounts, %d session workers, restore rate %s, %d cores%n",
                options.accounts(), options.workers(), options.restoreRate() == null ? "worker default" : options.restoreRate() + "/s",
                Runtime.getRuntime().availableProcessors());
        try (BenchFleet fleet = BenchFleet.start(options.workerJar(), options.workerArgs())) {
            Thread cleanup = new Thread(fleet::close, "bench-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
            try {
                measure(fleet);
            } catch (Exception | Error e) {
                fleet.printLogTails(System.err);
                throw e;
            } finally {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            }
        }
        out.println("bench: every process stopped, temporary directory deleted");
    }

    private void measure(BenchFleet fleet) throws Exception {
        BenchApi api = new BenchApi(fleet.gatewayPort());
        long start = System.nanoTime();
        fleet.startWorkers(IntStream.rangeClosed(1, options.workers()).mapToObj(FailoverBench::workerId));
        fleet.awaitSettled();
        out.printf("%d workers started and settled in %s%n", options.workers(), FailoverReport.seconds(since(start)));

        start = System.nanoTime();
        List<String> accounts = IntStream.rangeClosed(1, options.accounts()).mapToObj(i -> "bench-%05d".formatted(i)).toList();
        api.logInAll(accounts, options.loginConcurrency());
        Poll.until(() -> fleet.loggedInOn(fleet.liveWorkers()) == accounts.size(), LOGIN_TIMEOUT, "every account logged_in");
        out.printf("%d accounts created and logged in in %s%n", accounts.size(), FailoverReport.seconds(since(start)));
        OptionalLong conflictsBefore = api.conflicts();

        List<Handover> runs = new ArrayList<>();
        runs.add(handOver(fleet, "crash (SIGKILL)", "< 10 s", SessionWorkerProcess::kill));
        fleet.startWorkers(Stream.of(workerId(options.workers() + 1)));
        fleet.awaitSettled();
        Poll.until(() -> spread(fleet), HANDOVER_TIMEOUT, "the accounts to spread over the replacement worker");
        // as a rolling restart would find it: the replacement's restores done a while ago, its restore
        // throttle's burst saved up again (150 starts at 50/s: 3 s)
        Thread.sleep(QUIET_BEFORE_GRACEFUL.toMillis());
        runs.add(handOver(fleet, "graceful (SIGTERM)", "< 3 s", SessionWorkerProcess::terminate));

        OptionalLong conflictsAfter = api.conflicts();
        new FailoverReport(out).print(runs, conflictsBefore.isPresent() && conflictsAfter.isPresent()
                ? OptionalLong.of(conflictsAfter.getAsLong() - conflictsBefore.getAsLong()) : OptionalLong.empty());
    }

    private Handover handOver(BenchFleet fleet, String run, String target, Consumer<SessionWorkerProcess> stop)
            throws InterruptedException {
        SessionWorkerProcess leaving = fleet.busiestWorker();
        List<SessionWorkerProcess> survivors = fleet.liveWorkers().stream().filter(worker -> worker != leaving).toList();
        Set<String> survivorIds = survivors.stream().map(SessionWorkerProcess::id).collect(Collectors.toSet());
        long heldBefore = fleet.loggedInOn(survivors);
        long heapBefore = heapOf(survivors);
        long moved = options.accounts() - heldBefore;

        long signalled;
        long[] back;
        try (StatusWatch watch = new StatusWatch(fleet.kafkaBootstrapServers())) {
            signalled = System.nanoTime();
            stop.accept(leaving);
            Poll.until(() -> watch.countOn(survivorIds) >= moved, HANDOVER_TIMEOUT, "every moved account reported logged_in");
            back = watch.loggedInOn(survivorIds);
        }
        // what the events said, checked against the accounts themselves
        Poll.until(() -> fleet.loggedInOn(survivors) == options.accounts(), HANDOVER_TIMEOUT, "every account back");
        leaving.awaitExit(HANDOVER_TIMEOUT);

        long heapAfter = heapBefore < 0 ? -1 : heapOf(survivors);
        Optional<HeapChange> heapChange = heapBefore < 0 || heapAfter < 0
                ? Optional.empty() : Optional.of(new HeapChange(heapBefore, heapAfter, moved));
        return new Handover(run, target, leaving.id(), moved, Duration.ofNanos(back[0] - signalled),
                Duration.ofNanos(back[(int) (moved - 1) / 2] - signalled), Duration.ofNanos(back[(int) moved - 1] - signalled),
                heapChange);
    }

    /** Every account logged_in on a live worker, and each live worker holding some. */
    private boolean spread(BenchFleet fleet) {
        List<SessionWorkerProcess> live = fleet.liveWorkers();
        return fleet.loggedInOn(live) == options.accounts()
                && live.stream().allMatch(worker -> fleet.loggedInOn(List.of(worker)) > 0);
    }

    /** Live heap of these workers together, or -1 where jcmd is not there. */
    private long heapOf(List<SessionWorkerProcess> workers) {
        if (!heap.available()) {
            return -1;
        }
        return workers.stream().mapToLong(worker -> heap.liveBytes(worker.pid())).sum();
    }

    private static String workerId(int number) {
        return "bench-w" + number;
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** One measured hand-over: which worker left how, how many accounts moved, when the first, the median and the last were back. */
    record Handover(String run, String target, String worker, long moved, Duration firstBack, Duration halfBack,
                    Duration allBack, Optional<HeapChange> heap) {
    }

    /** The survivors' live heap (bytes, after a full GC) before and after they took {@code sessions} sessions. */
    record HeapChange(long before, long after, long sessions) {

        double perSessionKb() {
            return sessions == 0 ? 0 : (after - before) / 1024.0 / sessions;
        }
    }

    /** The command line of {@code bench failover}. */
    record Options(int accounts, int workers, Path workerJar, Integer restoreRate, int loginConcurrency) {

        static Options parse(List<String> args) {
            int accounts = 1000;
            int workers = 3;
            Path jar = Path.of("session-worker", "target", "session-worker.jar");
            Integer restoreRate = null;
            int concurrency = 16;
            for (int i = 0; i < args.size(); i += 2) {
                String name = args.get(i);
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String value = args.get(i + 1);
                switch (name) {
                    case "--accounts" -> accounts = positive(name, value);
                    case "--workers" -> workers = positive(name, value);
                    case "--worker-jar" -> jar = Path.of(value);
                    case "--restore-rate" -> restoreRate = positive(name, value);
                    case "--login-concurrency" -> concurrency = positive(name, value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (workers < 2) {
                throw new IllegalArgumentException("--workers must be 2 or more: a worker's accounts need a survivor");
            }
            return new Options(accounts, workers, jar, restoreRate, concurrency);
        }

        List<String> workerArgs() {
            return restoreRate == null ? List.of() : List.of("--wafleet.restore.starts-per-second=" + restoreRate);
        }

        private static int positive(String name, String value) {
            try {
                int parsed = Integer.parseInt(value);
                if (parsed > 0) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(name + " must be a positive number, not " + value);
        }
    }
}
