package io.wafleet.infra.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import io.wafleet.infra.Fleet;
import io.wafleet.session.SessionWorkerProperties;
import io.wafleet.infra.backing.BackingServices;
import io.wafleet.infra.backing.EmbeddedMongo;
import io.wafleet.infra.process.SessionWorkerGroup;
import io.wafleet.infra.process.SessionWorkerLauncher;
import io.wafleet.infra.process.SessionWorkerProcess;
import io.wafleet.infra.process.WebhookWorkerGroup;
import io.wafleet.infra.process.WorkerGroup;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The benchmark's own fleet in a temporary directory: the embedded backing services on free ports
 * (the MongoDB-wire server in memory, see {@link BackingServices#start(Path, BackingServices.Ports, boolean)}),
 * the gateway and a webhook worker in this JVM (quiet: warnings only; left out by {@link #backingOnly}),
 * and session workers as processes. Closing it (also from a shutdown hook, on Ctrl-C) stops every worker it started (SIGTERM,
 * then SIGKILL for one that does not exit) and deletes the directory.
 */
final class BenchFleet implements AutoCloseable {

    /** The session worker's consumer threads as deployed ({@code wafleet.kafka.concurrency}'s default), unless a benchmark sets them. */
    static final int DEPLOYED_CONSUMERS = Integer.parseInt(SessionWorkerProperties.Kafka.DEFAULT_CONCURRENCY);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    /**
     * The benchmark prints a table, not the services' logs: warnings only, and nothing from the
     * MongoDB-wire server, which logs what the fleet expects as errors (a killed worker's connection
     * reset, the duplicate key that tells a worker a lease is held elsewhere).
     */
    private static final Map<String, String> QUIET = Map.of(
            "root", "WARN", "io.wafleet", "WARN", "kafka", "ERROR", "org.apache.kafka", "ERROR", "de.bwaldvogel.mongo", "OFF");

    private final Path dir;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final List<SessionWorkerProcess> workers = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private BackingServices backing;
    private Fleet fleet;
    private SessionWorkerLauncher launcher;
    private MongoClient mongo;
    private SessionWorkerGroup group;
    private WebhookWorkerGroup webhookGroup;

    BenchFleet(Path dir) {
        this.dir = dir;
    }

    /** The session worker's arguments that give it {@code threads} consumer threads. */
    static List<String> consumers(int threads) {
        return List.of(SessionWorkerLauncher.consumersArg(threads));
    }

    static BenchFleet start(Path workerJar, List<String> workerArgs) throws Exception {
        return start(workerJar, workerArgs, List.of());
    }

    /** @param fleetArgs settings for the in-process services (gateway, webhook worker), as {@code --name=value} */
    static BenchFleet start(Path workerJar, List<String> workerArgs, List<String> fleetArgs) throws Exception {
        return start(workerJar, workerArgs, Optional.of(fleetArgs));
    }

    /** The backing services and the session worker launcher only: no gateway or webhook worker in this JVM. */
    static BenchFleet backingOnly(Path workerJar) throws Exception {
        return start(workerJar, List.of(), Optional.empty());
    }

    private static BenchFleet start(Path workerJar, List<String> workerArgs, Optional<List<String>> fleetArgs) throws Exception {
        BenchFleet bench = new BenchFleet(Files.createTempDirectory("wafleet-bench"));
        try {
            bench.startServices(workerJar, workerArgs, fleetArgs);
            return bench;
        } catch (Exception | Error e) {
            bench.close();
            throw e;
        }
    }

    private void startServices(Path workerJar, List<String> workerArgs, Optional<List<String>> fleetArgs) throws Exception {
        Path jar = SessionWorkerLauncher.copyJar(workerJar, dir);
        QUIET.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.toLevel(level)));
        backing = track(BackingServices.start(dir, BackingServices.Ports.free(), true));
        if (fleetArgs.isPresent()) {
            fleet = track(Fleet.on(backing.kafkaBootstrapServers(), backing.mongoUri(), dir)
                    .gatewayPort(0).withoutSessionWorker()
                    .args(Stream.concat(QUIET.entrySet().stream().map(quiet -> "--logging.level." + quiet.getKey() + "=" + quiet.getValue()),
                            fleetArgs.get().stream()).toArray(String[]::new))
                    .start());
        }
        mongo = track(MongoClients.create(backing.mongoUri()));
        group = track(new SessionWorkerGroup(backing.kafkaBootstrapServers()));
        webhookGroup = track(new WebhookWorkerGroup(backing.kafkaBootstrapServers()));
        // the workers run as deployed (C2, default GC, the default consumer threads), not with the tests' quick-start options
        List<String> asDeployed = SessionWorkerLauncher.setsConsumers(workerArgs) ? workerArgs
                : Stream.concat(consumers(DEPLOYED_CONSUMERS).stream(), workerArgs.stream()).toList();
        launcher = new SessionWorkerLauncher(jar, backing.kafkaBootstrapServers(), backing.mongoUri(), dir,
                dir.resolve("logs"), asDeployed, SessionWorkerLauncher.AS_DEPLOYED);
    }

    int gatewayPort() {
        return fleet.gatewayPort();
    }

    String kafkaBootstrapServers() {
        return backing.kafkaBootstrapServers();
    }

    String mongoUri() {
        return backing.mongoUri();
    }

    /** The fleet's data directory (the master key), deleted on {@link #close()}; a place for the benchmark's own files too. */
    Path dir() {
        return dir;
    }

    /** Starts workers side by side; returns once all are ready. */
    List<SessionWorkerProcess> startWorkers(Stream<String> ids) {
        List<SessionWorkerProcess> started = ids.map(launcher::start).toList();
        workers.addAll(started);
        started.forEach(worker -> worker.awaitReady(START_TIMEOUT));
        return started;
    }

    List<SessionWorkerProcess> liveWorkers() {
        return workers.stream().filter(SessionWorkerProcess::isAlive).toList();
    }

    /** Waits until the live workers form a settled consumer group (no rebalance running). */
    void awaitSettled() {
        int live = liveWorkers().size();
        Poll.until(() -> group.settled(live * launcher.consumersPerWorker()), START_TIMEOUT,
                live + " session workers to settle");
    }

    /** Waits until the session workers have worked off every command (their group's lag is 0), at most {@code limit}; answers the lag left. */
    long awaitCommandsDone(Duration limit) throws InterruptedException {
        return awaitNoLag(group, limit);
    }

    /** Waits until the webhook worker has taken every event (its group's lag is 0), at most {@code limit}; answers the lag left. */
    long awaitEventsTaken(Duration limit) throws InterruptedException {
        return awaitNoLag(webhookGroup, limit);
    }

    private static long awaitNoLag(WorkerGroup workers, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        long lag = workers.lag();
        while (lag != 0 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            lag = workers.lag();
        }
        return lag;
    }

    /** Logged-in accounts per owning worker id, from MongoDB's {@code accounts}. */
    Map<String, Long> loggedInByOwner() {
        return countBy("accounts", Filters.eq("status", "logged_in"), "owner");
    }

    /** The {@code messages} of these accounts, counted by status ({@code sent}, {@code read}, {@code failed}, ...). */
    Map<String, Long> messageStatuses(Collection<String> accounts) {
        return countBy("messages", Filters.in("account_id", accounts), "status");
    }

    /** The webhook deliveries of these accounts, counted by outcome ({@code delivered}, {@code pending}, ...). */
    Map<String, Long> deliveryOutcomes(Collection<String> accounts) {
        return countBy("webhook_deliveries", Filters.in("account_id", accounts), "outcome");
    }

    private Map<String, Long> countBy(String collection, Bson filter, String field) {
        Map<String, Long> counts = new HashMap<>();
        mongo.getDatabase(EmbeddedMongo.DATABASE).getCollection(collection).aggregate(List.of(
                        Aggregates.match(filter), Aggregates.group("$" + field, Accumulators.sum("n", 1))))
                .forEach((Document value) -> counts.put(String.valueOf(value.get("_id")), value.get("n", Number.class).longValue()));
        return counts;
    }

    long loggedInOn(List<SessionWorkerProcess> owners) {
        Map<String, Long> byOwner = loggedInByOwner();
        return owners.stream().mapToLong(worker -> byOwner.getOrDefault(worker.id(), 0L)).sum();
    }

    /** The live worker holding the most logged-in accounts. */
    SessionWorkerProcess busiestWorker() {
        Map<String, Long> byOwner = loggedInByOwner();
        return liveWorkers().stream().max(Comparator.comparing(worker -> byOwner.getOrDefault(worker.id(), 0L))).orElseThrow();
    }

    /** The last lines of every worker's log, before {@link #close()} deletes them. */
    void printLogTails(PrintStream err) {
        for (SessionWorkerProcess worker : workers) {
            try (Stream<String> lines = Files.lines(worker.log())) {
                List<String> all = lines.toList();
                err.println("--- last lines of " + worker + " (" + (worker.isAlive() ? "running" : "stopped") + ")");
                all.subList(Math.max(0, all.size() - 20), all.size()).forEach(err::println);
            } catch (IOException | UncheckedIOException e) {
                err.println("--- no log of " + worker + ": " + e);
            }
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stopWorkers();
        for (AutoCloseable resource : resources.reversed()) {
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("bench: could not close " + resource + ": " + e);
            }
        }
        deleteDirectory();
    }

    /** SIGTERM to every worker still running (they exit as deployed, flushing what they record), SIGKILL to laggards. */
    private void stopWorkers() {
        workers.stream().filter(SessionWorkerProcess::isAlive).forEach(SessionWorkerProcess::terminate);
        for (SessionWorkerProcess worker : workers) {
            try {
                worker.awaitExit(Duration.ofSeconds(15));
            } catch (IllegalStateException e) {
                System.err.println("bench: " + e.getMessage());
            }
            worker.close();
        }
    }

    private <T extends AutoCloseable> T track(T resource) {
        resources.add(resource);
        return resource;
    }

    private void deleteDirectory() {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + dir, e);
        }
    }
}
