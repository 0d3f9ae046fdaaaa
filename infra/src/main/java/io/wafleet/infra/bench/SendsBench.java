package io.wafleet.infra.bench;

import io.wafleet.common.json.WafleetJson;
import io.wafleet.infra.process.SessionWorkerProcess;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * {@code wafleet.jar bench sends}: the send path against the limits it is compared with, in one run on
 * one machine. The fleet runs on the embedded default (gateway and webhook worker in this JVM, one
 * session worker process, sandbox accounts):
 * <ol>
 *   <li>{@code POST /send/message} accepted per second vs {@code POST /bench/noop} of the same gateway,
 *       the same generator and the same number of requests in flight (the HTTP limit), with the session
 *       worker stopped, so that the figure is the gateway's own (what it accepts waits in Kafka); then
 *       the rate at which a new worker works that backlog off, and the sends accepted again while it
 *       works (sharing the cores);</li>
 *   <li>the time from {@code POST /send/message} to the {@code message} event at the receiving sandbox
 *       account's webhook, at a fixed offered rate spread over pairs of accounts (sender i writes to
 *       receiver i), as p50, p99 and p99.9 from when each request was due.</li>
 * </ol>
 * Prints a table and writes it as JSON with the machine's core count and the JDK.
 */
final class SendsBench {

    static final String USAGE = """
            usage: java -jar infra/target/wafleet.jar bench sends [options]
              --seconds N       length of each throughput run (default 15)
              --in-flight N     requests in flight in the throughput runs (default 64)
              --rate N          offered sends per second in the latency run (default 1000)
              --latency-seconds N  length of the latency run (default 20)
              --senders N       pairs of sending and receiving sandbox accounts (default 20)
              --consumers N     the session worker's consumer threads (default: as deployed)
              --worker-jar PATH the session worker's jar (default session-worker/target/session-worker.jar)
              --out PATH        where to write the results as JSON (default bench-sends.json)""";
    private static final String OUTSIDE_PHONE = "6289876543210";
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final Duration DRAIN = Duration.ofSeconds(15);

    record Options(int seconds, int inFlight, int rate, int latencySeconds, int senders, int consumers, Path workerJar, Path out) {

        static Options parse(List<String> args) {
            BenchArgs given = BenchArgs.parse(args,
                    Set.of("seconds", "in-flight", "rate", "latency-seconds", "senders", "consumers", "worker-jar", "out"));
            return new Options(given.number("seconds", 15), given.number("in-flight", 64), given.number("rate", 1000),
                    given.number("latency-seconds", 20), given.number("senders", 20),
                    given.number("consumers", BenchFleet.DEPLOYED_CONSUMERS),
                    given.path("worker-jar", "session-worker/target/session-worker.jar"), given.path("out", "bench-sends.json"));
        }
    }

    private final Options options;
    private final PrintStream out;

    SendsBench(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    void run() throws Exception {
        List<String> fleetArgs = List.of("--wafleet.bench.noop-endpoint=true", "--wafleet.limits.sends-per-account=1000000");
        try (BenchFleet fleet = BenchFleet.start(options.workerJar(), BenchFleet.consumers(options.consumers()), fleetArgs);
             ArrivalReceiver receiver = new ArrivalReceiver()) {
            fleet.startWorkers(java.util.stream.Stream.of("sends-worker-1"));
            fleet.awaitSettled();
            BenchApi api = new BenchApi(fleet.gatewayPort());
            // pairs of accounts: sender i writes to receiver i, so the latency run is spread over the partitions
            List<String> senders = IntStream.range(0, options.senders()).mapToObj(i -> "sender-" + i).toList();
            List<String> receivers = IntStream.range(0, options.senders()).mapToObj(i -> "receiver-" + i).toList();
            api.logInAll(java.util.stream.Stream.concat(senders.stream(), receivers.stream()).toList(), 8);
            List<String> receiverPhones = new java.util.ArrayList<>();
            for (String account : receivers) {
                api.setWebhook(account, receiver.url());
                receiverPhones.add(api.phoneOf(account));
            }
            out.printf("fleet ready: %d pairs of sandbox accounts logged in%n", senders.size());

            URI base = URI.create("http://127.0.0.1:" + fleet.gatewayPort());
            HttpLoad load = new HttpLoad();
            java.util.function.IntFunction<String> outside = i -> send(senders.get(i % senders.size()), OUTSIDE_PHONE, "t" + i);
            // the no-op first, on a quiet fleet; then the sends, each after a warm-up of its own: first with no
            // session worker running (the gateway alone: what it accepts waits in Kafka), then while the worker
            // works them off on the same cores
            Duration length = Duration.ofSeconds(options.seconds());
            load.closed(base.resolve("/bench/noop"), outside, options.inFlight(), WARM_UP);
            HttpLoad.Counts noop = load.closed(base.resolve("/bench/noop"), outside, options.inFlight(), length);
            fleet.liveWorkers().forEach(SessionWorkerProcess::terminate);
            fleet.liveWorkers().forEach(worker -> worker.awaitExit(DRAIN));
            HttpLoad.Counts alone = sendsFor(load, base, outside, length);
            fleet.startWorkers(java.util.stream.Stream.of("sends-worker-2"));
            fleet.awaitSettled();
            Drain backlog = drain(fleet, alone, System.nanoTime());
            long sharedStart = System.nanoTime();
            HttpLoad.Counts shared = sendsFor(load, base, outside, length);
            out.printf("throughput: no-op %.0f/s; sends with no session worker %.0f/s, with the worker working %.0f/s; "
                    + "refused sends by status: %s%n", noop.perSecond(), alone.perSecond(), shared.perSecond(), load.takeRefusals());
            Drain alongside = drain(fleet, shared, sharedStart);
            int count = options.rate() * options.latencySeconds();
            AtomicLong failed = new AtomicLong();
            long[] due = load.open(base.resolve("/send/message"),
                    i -> send(senders.get(i % senders.size()), receiverPhones.get(i % senders.size()), "bench-" + i),
                    options.rate(), count, failed);
            out.printf("latency run: refused by status: %s%n", load.takeRefusals());
            long[] latencies = receiver.awaitAll(due, DRAIN);
            out.printf("receivers' webhook deliveries by outcome: %s%n", fleet.deliveryOutcomes(receivers));
            report(noop, alone, shared, backlog, alongside, count, failed.get(), latencies);
        }
    }

    /** A warm-up, then the measured run of sends to a number outside the fleet. */
    private HttpLoad.Counts sendsFor(HttpLoad load, URI base, java.util.function.IntFunction<String> outside, Duration length)
            throws InterruptedException {
        load.closed(base.resolve("/send/message"), outside, options.inFlight(), WARM_UP);
        return load.closed(base.resolve("/send/message"), outside, options.inFlight(), length);
    }

    /** How long the session worker and then the webhook worker took to work off what was accepted, from when they could start. */
    record Drain(long sends, double seconds, double eventsSeconds) {

        double perSecond() {
            return sends / seconds;
        }
    }

    /**
     * Waits until the session worker and then the webhook worker have worked off the sends of {@code run}
     * and its warm-up (counted at the run's rate); timed from {@code since} (nanoTime), when the worker
     * could start on them.
     */
    private Drain drain(BenchFleet fleet, HttpLoad.Counts run, long since) throws InterruptedException {
        long left = fleet.awaitCommandsDone(DRAIN.multipliedBy(8));
        double commands = (System.nanoTime() - since) / 1e9;
        long eventsLeft = fleet.awaitEventsTaken(DRAIN.multipliedBy(8));
        double events = (System.nanoTime() - since) / 1e9;
        long accepted = run.ok() + Math.round(run.perSecond() * WARM_UP.toSeconds());
        out.printf("worked off ~%d sends: the session worker %.1f s after it could start (%.0f/s; %d commands left), "
                + "the webhook worker after %.1f s (%d events left)%n", accepted, commands, accepted / commands, left, events, eventsLeft);
        return new Drain(accepted, commands, events);
    }

    private static String send(String account, String phone, String text) {
        return "{\"account_id\":\"" + account + "\",\"phone\":\"" + phone + "\",\"message\":\"" + text + "\"}";
    }

    private void report(HttpLoad.Counts noop, HttpLoad.Counts alone, HttpLoad.Counts shared, Drain backlog, Drain alongside,
                        int offered, long failed, long[] latencies) throws IOException {
        long arrived = Arrays.stream(latencies).filter(l -> l >= 0).count();
        long[] sorted = Arrays.stream(latencies).filter(l -> l >= 0).sorted().toArray();
        double ratio = alone.perSecond() / noop.perSecond();
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("cores", Runtime.getRuntime().availableProcessors());
        results.put("jdk", Runtime.version().toString());
        results.put("in_flight", options.inFlight());
        results.put("noop_per_second", Math.round(noop.perSecond()));
        results.put("sends_per_second", Math.round(alone.perSecond()));
        results.put("sends_vs_noop", Math.round(ratio * 1000) / 1000.0);
        results.put("send_errors", alone.failed() + shared.failed());
        results.put("sends_per_second_worker_running", Math.round(shared.perSecond()));
        results.put("backlog_sends", backlog.sends());
        results.put("backlog_sends_per_second", Math.round(backlog.perSecond()));
        results.put("alongside_sends_per_second", Math.round(alongside.perSecond()));
        results.put("latency_rate_per_second", options.rate());
        results.put("latency_offered", offered);
        results.put("latency_refused", failed);
        results.put("latency_arrived", arrived);
        results.put("latency_p50_ms", millis(sorted, 0.50));
        results.put("latency_p99_ms", millis(sorted, 0.99));
        results.put("latency_p999_ms", millis(sorted, 0.999));
        results.put("latency_max_ms", sorted.length == 0 ? null : sorted[sorted.length - 1] / 1e6);

        out.println();
        out.printf("%-46s %12s %12s %8s%n", "measure", "wafleet", "limit", "ratio");
        out.printf("%-46s %12.0f %12.0f %7.0f%% (target >= 70%%)%n", "HTTP sends accepted /s vs no-op endpoint /s",
                alone.perSecond(), noop.perSecond(), ratio * 100);
        out.printf("%-46s %12.0f %12.0f %7.0f%%%n", "  the same, the session worker working meanwhile",
                shared.perSecond(), noop.perSecond(), shared.perSecond() / noop.perSecond() * 100);
        out.printf("%-46s %12.0f%n", "sends worked off /s: a backlog, by a new worker", backlog.perSecond());
        out.printf("%-46s %12.0f%n", "sends worked off /s: as they are accepted", alongside.perSecond());
        out.printf("%-46s %12s %12s%n", "send -> recipient webhook at " + options.rate() + "/s: p50 / p99 / p99.9 ms",
                format(millis(sorted, 0.50)) + " / " + format(millis(sorted, 0.99)) + " / " + format(millis(sorted, 0.999)),
                "p99 < 50 ms");
        out.printf("%-46s %12d of %d (refused %d)%n", "messages arrived", arrived, offered, failed);
        out.printf("machine: %d cores, JDK %s%n", Runtime.getRuntime().availableProcessors(), Runtime.version());
        Files.writeString(options.out(), WafleetJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(results));
        out.println("written to " + options.out().toAbsolutePath().normalize());
    }

    private static Double millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return null;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return Math.round(sorted[Math.max(0, index)] / 1e4) / 100.0;
    }

    private static String format(Double value) {
        return value == null ? "-" : String.format("%.1f", value);
    }
}
