package io.wafleet.infra.bench;

import io.wafleet.infra.backing.BackingServices;
import io.wafleet.infra.process.WebhookWorkerLauncher;
import io.wafleet.infra.process.WorkerProcess;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code bench startup}: how long each service takes from the launch of its JVM to its
 * {@code /actuator/health/readiness} answering 200, run from its jar as deployed (512 MB heap) against
 * the embedded backing services in this JVM; and the whole embedded default ({@code java -jar wafleet.jar},
 * its own broker and MongoDB-wire server on free ports and a data directory of its own), which is ready
 * when its gateway is (it starts last). Alongside, what the JVM itself reports: the "process running
 * for" of the last {@code Started ...} line in its log. Each is started, measured and stopped in turn,
 * {@code --runs} times; the table shows the medians.
 */
final class StartupBench {

    static final String USAGE = """
            usage: java -jar infra/target/wafleet.jar bench startup [options]
              --runs N                  starts of each service (default 3)
              --gateway-jar PATH        default api-gateway/target/api-gateway.jar
              --session-worker-jar PATH default session-worker/target/session-worker.jar
              --webhook-worker-jar PATH default webhook-worker/target/webhook-worker.jar
              --fleet-jar PATH          the embedded default (default infra/target/wafleet.jar)
              --out PATH                where to write the results as JSON (default bench-startup.json)""";
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final Pattern STARTED = Pattern.compile("Started \\w+ in [\\d.]+ seconds \\(process running for ([\\d.]+)\\)");
    private static final List<String> AS_DEPLOYED = WebhookWorkerLauncher.AS_DEPLOYED;

    record Options(int runs, Path gatewayJar, Path sessionWorkerJar, Path webhookWorkerJar, Path fleetJar, Path out) {

        static Options parse(List<String> args) {
            BenchArgs given = BenchArgs.parse(args,
                    Set.of("runs", "gateway-jar", "session-worker-jar", "webhook-worker-jar", "fleet-jar", "out"));
            return new Options(given.number("runs", 3), given.path("gateway-jar", "api-gateway/target/api-gateway.jar"),
                    given.path("session-worker-jar", "session-worker/target/session-worker.jar"),
                    given.path("webhook-worker-jar", "webhook-worker/target/webhook-worker.jar"),
                    given.path("fleet-jar", "infra/target/wafleet.jar"), given.path("out", "bench-startup.json"));
        }
    }

    /** One start: launch to readiness, and the JVM's own uptime when its last application had started (null if not logged). */
    record Start(double readySeconds, Double reportedSeconds) {
    }

    private final Options options;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    StartupBench(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    void run() throws Exception {
        Map<String, List<Start>> starts = new LinkedHashMap<>();
        try (BenchFleet fleet = BenchFleet.backingOnly(options.sessionWorkerJar())) {
            Path dir = fleet.dir();
            WebhookWorkerLauncher webhooks = new WebhookWorkerLauncher(WebhookWorkerLauncher.copyJar(options.webhookWorkerJar(), dir),
                    fleet.kafkaBootstrapServers(), fleet.mongoUri(), dir, dir.resolve("logs"), List.of(), AS_DEPLOYED);
            Map<String, String> backing = Map.of("KAFKA_BOOTSTRAP_SERVERS", fleet.kafkaBootstrapServers(),
                    "MONGODB_URI", fleet.mongoUri(), "WAFLEET_DATA_DIR", dir.toString());
            for (int run = 1; run <= options.runs(); run++) {
                String id = "startup-" + run;
                record(starts, "api-gateway", startJar(options.gatewayJar(), AS_DEPLOYED, backing, dir.resolve(id + "-gateway.log")));
                record(starts, "session-worker", startWorker(() -> fleet.startWorkers(Stream.of(id)).getFirst()));
                record(starts, "webhook-worker", startWorker(() -> webhooks.start(id + "-webhook").awaitReady(TIMEOUT)));
                record(starts, "embedded default", startJar(options.fleetJar(), List.of(), embedded(dir.resolve(id + "-embedded")),
                        dir.resolve(id + "-embedded.log")));
            }
        }
        report(starts);
    }

    private void record(Map<String, List<Start>> starts, String service, Start start) {
        out.printf("%-17s ready in %5.2f s (JVM reports %s s)%n", service, start.readySeconds(), seconds(start.reportedSeconds()));
        starts.computeIfAbsent(service, name -> new ArrayList<>()).add(start);
    }

    /** A worker through its launcher: ready once it logged its start, then its readiness is asked on the port it logged. */
    private Start startWorker(Supplier<WorkerProcess> launch) throws IOException {
        long launched = System.nanoTime();
        WorkerProcess worker = launch.get();
        try {
            return new Start(awaitReadiness(worker.port(), launched), reportedSeconds(Files.readAllLines(worker.log())));
        } finally {
            worker.terminate();
            worker.awaitExit(TIMEOUT);
            worker.close();
        }
    }

    /** {@code java jvmOptions -jar jar} with {@code env} and a free {@code PORT}, its output to {@code log}. */
    private Start startJar(Path jar, List<String> jvmOptions, Map<String, String> env, Path log) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("PORT", Integer.toString(port));
        long launched = System.nanoTime();
        Process process = builder.start();
        try {
            return new Start(awaitReadiness(port, launched), reportedSeconds(Files.readAllLines(log)));
        } finally {
            process.destroy();
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The embedded default's settings: its own data directory and free ports, so it cannot meet this benchmark's services. */
    private static Map<String, String> embedded(Path dataDir) {
        BackingServices.Ports ports = BackingServices.Ports.free();
        return Map.of("WAFLEET_DATA_DIR", dataDir.toString(), "WAFLEET_KAFKA_PORT", Integer.toString(ports.kafka()),
                "WAFLEET_KAFKA_CONTROLLER_PORT", Integer.toString(ports.kafkaController()),
                "WAFLEET_MONGO_PORT", Integer.toString(ports.mongo()));
    }

    /** Seconds from {@code launched} (a nanoTime) until readiness on {@code port} answers 200. */
    private double awaitReadiness(int port, long launched) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        long ready = Poll.until(() -> {
            try {
                return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false; // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }, TIMEOUT, "readiness on port " + port);
        return (ready - launched) / 1e9;
    }

    /** The "process running for" seconds of the last {@code Started ...} line of a log; null if there is none. */
    static Double reportedSeconds(List<String> log) {
        Double seconds = null;
        for (String line : log) {
            Matcher started = STARTED.matcher(line);
            if (started.find()) {
                seconds = Double.parseDouble(started.group(1));
            }
        }
        return seconds;
    }

    private static String seconds(Double seconds) {
        return seconds == null ? "-" : "%.2f".formatted(seconds);
    }

    private void report(Map<String, List<Start>> starts) throws IOException {
        out.println();
        out.printf("%-17s %18s %22s%n", "service", "ready, median s", "JVM-reported, median s");
        BenchResults results = new BenchResults().put("runs", options.runs());
        starts.forEach((service, runs) -> {
            List<Double> ready = runs.stream().map(Start::readySeconds).toList();
            List<Double> reported = runs.stream().map(Start::reportedSeconds).filter(seconds -> seconds != null).toList();
            Double reportedMedian = reported.isEmpty() ? null : BenchResults.median(reported);
            out.printf("%-17s %18.2f %22s%n", service, BenchResults.median(ready), seconds(reportedMedian));
            results.put(service.replace(' ', '_').replace('-', '_'), Map.of("ready_seconds", ready, "ready_median_seconds",
                    BenchResults.median(ready), "jvm_reported_seconds", reported));
        });
        results.write(options.out(), out);
    }
}
