package io.wafleet.infra;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.wafleet.common.AccountId;
import io.wafleet.common.Topics;
import io.wafleet.common.event.Event;
import io.wafleet.common.event.MessageReceived;
import io.wafleet.common.json.WafleetJson;
import io.wafleet.infra.backing.EmbeddedMongo;
import io.wafleet.infra.process.WebhookWorkerGroup;
import io.wafleet.infra.process.WebhookWorkerLauncher;
import io.wafleet.infra.process.WebhookWorkerProcess;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A webhook worker crashes in the middle of a burst and nothing is lost: two webhook workers run as
 * separate processes from {@code webhook-worker.jar}, in one consumer group with the shared fleet's own
 * (in-process) webhook worker, and one of them is SIGKILLed while a burst produced straight to
 * {@code wafleet.events} is being delivered to a slow receiver. Every event still arrives; the killed
 * worker's deliveries that were started but not committed arrive again from its partitions' next owner,
 * as the same event (same id, same body).
 */
class WebhookWorkerCrashIT {

    static final String JAR_PROPERTY = "wafleet.it.webhook-worker-jar";
    private static final String DEFAULT_JAR = "../webhook-worker/target/webhook-worker.jar";
    private static final Logger log = LoggerFactory.getLogger(WebhookWorkerCrashIT.class);

    /** The shared fleet's in-process webhook worker: its {@code events-concurrency}, 2 by default. */
    private static final int IN_PROCESS_CONSUMERS = 2;
    /** Enough account ids (the Kafka key) to spread the burst over nearly every partition. */
    private static final int ACCOUNTS = 64;
    private static final int EVENTS_PER_ACCOUNT = 40;
    /** Slow enough that each worker has its window of deliveries in flight when it is killed. */
    private static final Duration RECEIVER_DELAY = Duration.ofMillis(20);
    /**
     * Deliveries in flight per consumer of the workers started here: a quarter of the default, so that on
     * a loaded machine the requests queued for a connection still get their answer within a first
     * attempt's timeout (2 s).
     */
    private static final int MAX_IN_FLIGHT = 64;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /**
     * The group's session timeout (10 s) before the killed worker's partitions move, then their redelivery;
     * and room for an endpoint's circuit opening on the way: 30 s plus jitter before its events go out again,
     * twice when the half-open state lets only 3 of them through and defers the others once more.
     */
    private static final Duration RECOVERY = Duration.ofSeconds(110);
    private static final String SECRET = "crash-secret";

    private final TestFleet fleet = TestFleet.shared();
    private final String run = "crash_" + UUID.randomUUID().toString().substring(0, 8);
    private final List<WebhookWorkerProcess> workers = new ArrayList<>();
    private MongoClient mongo;
    private WebhookReceiver hook;
    private Path jarDir;

    @BeforeEach
    void receiver() throws IOException {
        mongo = MongoClients.create(fleet.backing.mongoUri());
        hook = new WebhookReceiver(RECEIVER_DELAY);
        jarDir = Files.createTempDirectory("wafleet-webhook-crash");
    }

    /** SIGTERM for the survivors: they leave the group at once and the in-process worker takes their partitions. */
    @AfterEach
    void stopWorkers() throws IOException {
        workers.forEach(WebhookWorkerProcess::terminate);
        workers.forEach(worker -> worker.awaitExit(Duration.ofSeconds(30)));
        workers.forEach(WebhookWorkerProcess::close);
        hook.close();
        mongo.close();
        Files.deleteIfExists(jarDir.resolve("webhook-worker.jar"));
        Files.deleteIfExists(jarDir);
    }

    @Test
    void everyEventOfABurstArrivesWhenAWorkerIsKilledInTheMiddleOfIt() {
        configureWebhooks();
        startWorkers(2);
        WebhookWorkerProcess victim = workers.getFirst();
        // one event per account first, so the burst finds the workers' connections open and their code warm:
        // cold, a loaded machine times out enough first attempts to open the endpoint's circuit for 30 s
        Set<String> warmUp = produce("warm-up", 1);
        await("the warm-up events").atMost(Duration.ofSeconds(30)).until(() -> receivedIds().containsAll(warmUp));

        Set<String> burst = produce("burst", EVENTS_PER_ACCOUNT);
        long seenAtKill = await("the receiver to see a tenth of the burst").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> receivedIds().stream().filter(burst::contains).count(), seen -> seen >= burst.size() / 10);
        victim.kill();
        assertThat(seenAtKill).as("events of the burst received when %s was killed", victim)
                .isLessThan(burst.size() / 2);

        await("every event of the burst").atMost(RECOVERY).untilAsserted(() ->
                assertThat(notReceived(burst)).as(() -> "events of the burst not received; where the first ones stand: "
                        + deliveryRecords(notReceived(burst))).isEmpty());
        List<WebhookReceiver.Delivery> all = hook.deliveries();
        Map<String, List<WebhookReceiver.Delivery>> byId = all.stream()
                .collect(Collectors.groupingBy(delivery -> delivery.headers().get("webhook-id")));
        int duplicates = all.size() - byId.size();
        log.info("{} events, {} seen when {} was killed, {} deliveries: {} duplicates", burst.size(), seenAtKill,
                victim, all.size(), duplicates);

        Set<String> unknown = new HashSet<>(byId.keySet());
        unknown.removeAll(burst);
        unknown.removeAll(warmUp);
        assertThat(unknown).as("event ids delivered but never produced (%d duplicates)", duplicates).isEmpty();
        assertThat(all).allSatisfy(delivery -> {
            assertThat(delivery.headers().get("X-Webhook-Id")).isEqualTo(delivery.headers().get("webhook-id"));
            assertThat(delivery.json().get("id").asString()).isEqualTo(delivery.headers().get("webhook-id"));
            assertThat(delivery.signedWith(SECRET)).isTrue();
        });
        byId.values().forEach(copies -> assertThat(copies).extracting(delivery -> new String(delivery.body()))
                .as("the copies of event %s", copies.getFirst().headers().get("webhook-id"))
                .containsOnly(new String(copies.getFirst().body())));
    }

    /**
     * Each account's own webhook, written as gateways wrote it before secrets were sealed (a seed-style body,
     * the secret in plaintext): the workers, which share the fleet's master key, seal it when they first read it.
     * Each has a URL of its own, so a few failed attempts (the receiver closing a kept-alive connection
     * a worker then reuses) do not open one circuit breaker for every account and defer the burst by 30 s.
     */
    private void configureWebhooks() {
        List<Document> webhooks = accounts().map(account -> new Document("_id", account)
                .append("webhook_url", hook.url() + "/" + account)
                .append("webhook_secret", SECRET)
                .append("updated_at", new Date())).toList();
        database().getCollection("account_webhooks").insertMany(webhooks);
    }

    /** Starts the workers side by side, then waits until the group (theirs and the in-process one's consumers) has settled. */
    private void startWorkers(int count) {
        Path jar = WebhookWorkerLauncher.copyJar(Path.of(System.getProperty(JAR_PROPERTY, DEFAULT_JAR)), jarDir);
        WebhookWorkerLauncher launcher = new WebhookWorkerLauncher(jar, fleet.backing.kafkaBootstrapServers(),
                fleet.backing.mongoUri(), fleet.dataDir, Path.of("target", "crash-logs"),
                List.of("--wafleet.webhook.allow-private-addresses=true", "--wafleet.delivery.max-in-flight=" + MAX_IN_FLIGHT),
                WebhookWorkerLauncher.LEAN);
        IntStream.rangeClosed(1, count).mapToObj(i -> launcher.start(run + "-webhook-" + i)).forEach(workers::add);
        workers.forEach(worker -> worker.awaitReady(START_TIMEOUT));
        int consumers = IN_PROCESS_CONSUMERS + count * WebhookWorkerLauncher.CONSUMERS_PER_WORKER;
        try (WebhookWorkerGroup group = new WebhookWorkerGroup(fleet.backing.kafkaBootstrapServers())) {
            await(consumers + " webhook consumers to settle").atMost(START_TIMEOUT).until(() -> group.settled(consumers));
        }
    }

    /** Produces {@code perAccount} events for every account, each acknowledged by Kafka, and answers their ids. */
    private Set<String> produce(String label, int perAccount) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, fleet.backing.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        List<String> accounts = accounts().toList();
        Instant now = Instant.now();
        List<Event> events = IntStream.range(0, ACCOUNTS * perAccount).mapToObj(i -> new Event(
                run + "-" + label + "-" + i, AccountId.of(accounts.get(i % ACCOUNTS)), now,
                MessageReceived.text(run + "-" + label + "-message-" + i, "6281234567890", "Crash", now, label + " " + i),
                Event.SCHEMA_VERSION)).toList();
        try (KafkaProducer<String, Event> producer = new KafkaProducer<>(config, new StringSerializer(),
                WafleetJson.<Event>serializer())) {
            events.stream()
                    .map(event -> producer.send(new ProducerRecord<>(Topics.EVENTS, event.accountId().value(), event)))
                    .toList()
                    .forEach(WebhookWorkerCrashIT::acknowledged);
        }
        return events.stream().map(Event::id).collect(Collectors.toSet());
    }

    private static void acknowledged(Future<?> send) {
        try {
            send.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge an event", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while producing events", e);
        }
    }

    private Stream<String> accounts() {
        return IntStream.range(0, ACCOUNTS).mapToObj(i -> run + "_" + i);
    }

    /** The webhook workers' records of these events (outcome, attempts, last error), to tell a lost event from a late one. */
    private List<Document> deliveryRecords(Set<String> eventIds) {
        return database().getCollection("webhook_deliveries")
                .find(Filters.in("_id", eventIds.stream().limit(10).toList()))
                .projection(Projections.include("outcome", "attempts", "last_error", "updated_at"))
                .into(new ArrayList<>());
    }

    private MongoDatabase database() {
        return mongo.getDatabase(EmbeddedMongo.DATABASE);
    }

    private Set<String> notReceived(Set<String> ids) {
        Set<String> missing = new HashSet<>(ids);
        missing.removeAll(receivedIds());
        return missing;
    }

    private Set<String> receivedIds() {
        return hook.deliveries().stream().map(delivery -> delivery.headers().get("webhook-id")).collect(Collectors.toSet());
    }
}
