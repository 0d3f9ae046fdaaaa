package io.wafleet.infra;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.wafleet.infra.backing.BackingServices;
import io.wafleet.infra.backing.EmbeddedMongo;
import io.wafleet.infra.process.SessionWorkerGroup;
import io.wafleet.infra.process.SessionWorkerLauncher;
import io.wafleet.infra.process.SessionWorkerProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * A fleet whose session workers are separate processes: the embedded backing services (always the
 * in-process broker, which a test can stop and start again), the gateway and a webhook worker in
 * this JVM, and session workers started from {@code session-worker.jar} with their logs under
 * {@code target/failover-logs}. Every event goes to one global webhook, {@link #hook()}.
 */
final class ProcessFleet implements AutoCloseable {

    static final String JAR_PROPERTY = "wafleet.it.session-worker-jar";
    private static final String DEFAULT_JAR = "../session-worker/target/session-worker.jar";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDir;
    private final BackingServices backing;
    private final WebhookReceiver hook;
    private final Fleet fleet;
    private final SessionWorkerLauncher launcher;
    private final MongoClient mongo;
    private final SessionWorkerGroup group;
    /** Every worker ever started here, killed on close (or when the test JVM exits) if still running. */
    private final List<SessionWorkerProcess> processes = new CopyOnWriteArrayList<>();
    private final Thread killer = new Thread(() -> processes.forEach(SessionWorkerProcess::close), "kill-session-workers");

    private ProcessFleet(Path dataDir, BackingServices backing, WebhookReceiver hook, Fleet fleet,
                         SessionWorkerLauncher launcher) {
        this.dataDir = dataDir;
        this.backing = backing;
        this.hook = hook;
        this.fleet = fleet;
        this.launcher = launcher;
        this.mongo = MongoClients.create(backing.mongoUri());
        this.group = new SessionWorkerGroup(backing.kafkaBootstrapServers());
        Runtime.getRuntime().addShutdownHook(killer);
    }

    static ProcessFleet start() throws Exception {
        return start(List.of());
    }

    /** The fleet, its session workers to be started with these arguments. */
    static ProcessFleet start(List<String> workerArgs) throws Exception {
        Path jar = Path.of(System.getProperty(JAR_PROPERTY, DEFAULT_JAR));
        Path dataDir = Files.createTempDirectory("wafleet-failover");
        Path workerJar = SessionWorkerLauncher.copyJar(jar, dataDir);
        BackingServices backing = BackingServices.start(dataDir, BackingServices.Ports.free());
        WebhookReceiver hook = new WebhookReceiver();
        try {
            SessionWorkerLauncher launcher = new SessionWorkerLauncher(workerJar,
                    backing.kafkaBootstrapServers(), backing.mongoUri(), dataDir, Path.of("target", "failover-logs"),
                    workerArgs, SessionWorkerLauncher.LEAN);
            Fleet fleet = Fleet.on(backing.kafkaBootstrapServers(), backing.mongoUri(), dataDir)
                    .gatewayPort(0)
                    .withoutSessionWorker()
                    .args("--wafleet.webhook.global-url=" + hook.url(), "--wafleet.webhook.global-secret=failover-secret")
                    .start();
            return new ProcessFleet(dataDir, backing, hook, fleet, launcher);
        } catch (RuntimeException e) {
            hook.close();
            backing.close();
            throw e;
        }
    }

    /** Starts the workers side by side and returns once every one of them is ready; if one fails, none stays. */
    List<SessionWorkerProcess> startWorkers(Stream<String> ids) {
        List<SessionWorkerProcess> started = ids.map(launcher::start).toList();
        processes.addAll(started);
        try {
            started.forEach(worker -> worker.awaitReady(START_TIMEOUT));
        } catch (RuntimeException e) {
            started.forEach(SessionWorkerProcess::close);
            throw e;
        }
        return started;
    }

    /** Waits until the consumer group holds exactly these many workers, all assigned partitions, and no rebalance runs. */
    void awaitSettled(int workers) {
        await().atMost(START_TIMEOUT).until(() -> group.settled(workers * SessionWorkerLauncher.CONSUMERS_PER_WORKER));
    }

    int gatewayPort() {
        return fleet.gatewayPort();
    }

    FleetClient api() {
        return new FleetClient("http://127.0.0.1:" + fleet.gatewayPort());
    }

    WebhookReceiver hook() {
        return hook;
    }

    BackingServices backing() {
        return backing;
    }

    /** How many of these accounts still have a stored login (MongoDB {@code session_credentials}). */
    long storedLogins(Collection<String> accounts) {
        return mongo.getDatabase(EmbeddedMongo.DATABASE).getCollection("session_credentials")
                .countDocuments(Filters.in("_id", accounts));
    }

    @Override
    public void close() throws IOException {
        processes.forEach(SessionWorkerProcess::close);
        Runtime.getRuntime().removeShutdownHook(killer);
        group.close();
        mongo.close();
        fleet.close();
        hook.close();
        backing.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
