package io.wafleet.infra.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.sun.net.httpserver.HttpServer;
import io.wafleet.common.AccountId;
import io.wafleet.common.Topics;
import io.wafleet.common.event.Event;
import io.wafleet.common.event.MessageReceived;
import io.wafleet.common.json.WafleetJson;
import io.wafleet.infra.backing.BackingServices;
import io.wafleet.infra.process.WebhookWorkerLauncher;
import io.wafleet.infra.process.WebhookWorkerProcess;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code bench webhooks}: the embedded backing services in this JVM and one webhook worker in its own, as
 * deployed (in a temporary directory, on free ports), delivering to a local receiver through the global webhook.
 * (i) Throughput: N events produced at once to {@code wafleet.events} over 100 accounts, deliveries per
 * second at the receiver; then a plain {@link HttpClient} posting the same bodies to the same receiver
 * with the same concurrency bound (the limit). (ii) Latency: events produced at a fixed rate, p50/p99
 * from produce to receipt.
 */
final class WebhookBench {

    static final String USAGE = """
            usage: java -jar infra/target/wafleet.jar bench webhooks [options]
              --events N         events of the throughput run (default 20000)
              --rate N           events per second of the latency run (default 1000)
              --seconds N        length of the latency run (default 10)
              --concurrency N    requests in flight to the receiver, for the worker (max connections
                                 per host) and the plain client alike (default 64)
              --worker-jar PATH  the webhook worker's jar (default webhook-worker/target/webhook-worker.jar)""";

    private static final int ACCOUNTS = 100;
    private static final String SECRET = "bench-secret";
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final Map<String, String> QUIET = Map.of(
            "root", "WARN", "io.wafleet", "WARN", "kafka", "ERROR", "org.apache.kafka", "ERROR", "de.bwaldvogel.mongo", "OFF");

    record Options(int events, int rate, int seconds, int concurrency, Path workerJar) {

        static Options parse(List<String> args) {
            int events = 20_000;
            int rate = 1_000;
            int seconds = 10;
            int concurrency = 64;
            Path workerJar = Path.of("webhook-worker", "target", "webhook-worker.jar");
            for (int i = 0; i < args.size(); i++) {
                String name = args.get(i);
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException("missing value of " + name);
                }
                if (name.equals("--worker-jar")) {
                    workerJar = Path.of(args.get(++i));
                    continue;
                }
                int value;
                try {
                    value = Integer.parseInt(args.get(++i));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + " takes a number");
                }
                if (value < 1) {
                    throw new IllegalArgumentException(name + " must be at least 1");
                }
                switch (name) {
                    case "--events" -> events = value;
                    case "--rate" -> rate = value;
                    case "--seconds" -> seconds = value;
                    case "--concurrency" -> concurrency = value;
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            return new Options(events, rate, seconds, concurrency, workerJar);
        }
    }

    private final Options options;
    private final PrintStream out;

    WebhookBench(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    void run() throws Exception {
        out.printf("wafleet bench webhooks: %d events over %d accounts, then %d events/s for %d s; concurrency %d, %d cores%n",
                options.events(), ACCOUNTS, options.rate(), options.seconds(), options.concurrency(),
                Runtime.getRuntime().availableProcessors());
        QUIET.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.toLevel(level)));
        Path dir = Files.createTempDirectory("wafleet-bench-webhooks");
        List<AutoCloseable> resources = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable cleanup = () -> {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            for (AutoCloseable resource : resources.reversed()) {
                try {
                    resource.close();
                } catch (Exception e) {
                    System.err.println("bench: could not close " + resource + ": " + e);
                }
            }
            delete(dir);
        };
        // Ctrl-C stops the services and deletes the directory too
        Thread hook = new Thread(cleanup, "bench-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        // the receiver answers without Nagle's delay, as production web servers do
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            BackingServices backing = track(resources, BackingServices.start(dir, BackingServices.Ports.free(), true));
            Receiver receiver = track(resources, new Receiver(options.concurrency()));
            track(resources, worker(backing, dir, receiver.url()));
            KafkaProducer<String, Event> producer = track(resources, producer(backing.kafkaBootstrapServers()));
            HttpClient plain = track(resources, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2)).build());
            measure(backing.kafkaBootstrapServers(), producer, receiver, plain);
        } finally {
            cleanup.run();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: nothing left to do
            }
        }
        out.println("bench: webhook worker, backing services and receiver stopped, temporary directory deleted");
    }

    private void measure(String bootstrapServers, KafkaProducer<String, Event> producer, Receiver receiver,
                         HttpClient plain) throws Exception {
        // the worker's consumers have joined once an event produced now arrives; then warm both paths up
        long start = System.nanoTime();
        while (receiver.received() == 0) {
            produce(producer, receiver, event(0));
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            if (System.nanoTime() - start > TIMEOUT.toNanos()) {
                throw new IllegalStateException("the webhook worker delivered nothing within " + TIMEOUT);
            }
        }
        out.printf("webhook worker ready in %.1f s%n", (System.nanoTime() - start) / 1e9);
        int warmUp = Math.min(options.events(), 2_000);
        throughput(producer, receiver, warmUp);
        plainThroughput(plain, receiver, warmUp);

        double worker = throughput(producer, receiver, options.events());
        double client = plainThroughput(plain, receiver, options.events());
        out.printf("throughput   webhook worker %8.0f deliveries/s (%d events)%n", worker, options.events());
        out.printf("             plain HttpClient %6.0f posts/s (same bodies, receiver and concurrency %d)%n",
                client, options.concurrency());
        out.printf("             ratio %.0f%% of the plain client (target >= 70%%)%n", 100 * worker / client);

        long[] latencies;
        long[] kafkaLatencies;
        try (KafkaFloor floor = new KafkaFloor(bootstrapServers)) {
            latencies = latency(producer, receiver, floor);
            kafkaLatencies = floor.latencies();
        }
        out.printf("latency      %d events at %d/s: p50 %.1f ms, p99 %.1f ms, max %.1f ms (target p99 < 50 ms)%n",
                latencies.length, options.rate(), percentile(latencies, 50), percentile(latencies, 99),
                latencies[latencies.length - 1] / 1e6);
        out.printf("             a plain Kafka consumer reading the same events meanwhile: p50 %.1f ms, p99 %.1f ms (%d read)%n",
                percentile(kafkaLatencies, 50), percentile(kafkaLatencies, 99), kafkaLatencies.length);
        long[] plainLatencies = plainLatency(plain, receiver);
        out.printf("             plain HttpClient posting at the same rate: p50 %.1f ms, p99 %.1f ms (the floor)%n",
                percentile(plainLatencies, 50), percentile(plainLatencies, 99));
        out.printf("duplicates   %d deliveries of an event already received%n", receiver.duplicates());
    }

    /** Produces {@code n} events at once; answers deliveries per second from the first send to the last receipt. */
    private double throughput(KafkaProducer<String, Event> producer, Receiver receiver, int n) {
        List<Event> events = Stream.iterate(0, i -> i + 1).limit(n).map(this::event).toList();
        receiver.reset();
        long start = System.nanoTime();
        events.forEach(event -> produce(producer, receiver, event));
        producer.flush();
        await(receiver, n);
        return n / ((receiver.lastReceipt() - start) / 1e9);
    }

    /** The same bodies, posted by a plain client with at most {@code concurrency} requests in flight. */
    private double plainThroughput(HttpClient client, Receiver receiver, int n) throws InterruptedException {
        List<Event> events = Stream.iterate(0, i -> i + 1).limit(n).map(this::event).toList();
        List<byte[]> bodies = events.stream().map(WafleetJson.mapper()::writeValueAsBytes).toList();
        receiver.reset();
        Semaphore window = new Semaphore(options.concurrency());
        AtomicLong failures = new AtomicLong();
        URI uri = URI.create(receiver.url());
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            window.acquire();
            receiver.expect(events.get(i).id());
            client.sendAsync(post(uri, events.get(i), bodies.get(i)), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                if (error != null || response.statusCode() / 100 != 2) {
                    failures.incrementAndGet();
                }
                window.release();
            });
        }
        await(receiver, n);
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " posts of the plain client failed");
        }
        return n / ((receiver.lastReceipt() - start) / 1e9);
    }

    /** Events at the fixed rate for the run's length; answers the sorted latencies in nanoseconds. */
    private long[] latency(KafkaProducer<String, Event> producer, Receiver receiver, KafkaFloor floor) {
        return atFixedRate(receiver, event -> {
            floor.expect(event.id());
            produce(producer, receiver, event);
        });
    }

    /** The plain client posting at the fixed rate, each post timed from its start to its receipt. */
    private long[] plainLatency(HttpClient client, Receiver receiver) {
        URI uri = URI.create(receiver.url());
        return atFixedRate(receiver, event -> {
            byte[] body = WafleetJson.mapper().writeValueAsBytes(event);
            receiver.expect(event.id());
            client.sendAsync(post(uri, event, body), HttpResponse.BodyHandlers.discarding());
        });
    }

    /** {@code rate} events a second for the run's length, each handed to {@code send} at its time; the sorted latencies. */
    private long[] atFixedRate(Receiver receiver, Consumer<Event> send) {
        int n = options.rate() * options.seconds();
        receiver.reset();
        long interval = TimeUnit.SECONDS.toNanos(1) / options.rate();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long wait = start + i * interval - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            send.accept(event(i));
        }
        await(receiver, n);
        long[] latencies = receiver.latencies();
        Arrays.sort(latencies);
        return latencies;
    }

    /** The plain client's request: the event's body, with the id the receiver counts it by. */
    private static HttpRequest post(URI uri, Event event, byte[] body) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("webhook-id", event.id())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private Event event(int i) {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        return Event.of(id, AccountId.of("bench-%03d".formatted(i % ACCOUNTS)), now,
                MessageReceived.text(id, "6281111111111@s.whatsapp.net", "Bench", now, "benchmark message " + i));
    }

    private static void produce(KafkaProducer<String, Event> producer, Receiver receiver, Event event) {
        receiver.expect(event.id());
        producer.send(new ProducerRecord<>(Topics.EVENTS, event.accountId().value(), event));
    }

    private void await(Receiver receiver, int n) {
        long[] last = {System.nanoTime(), 0};
        try {
            Poll.until(() -> {
                long received = receiver.received();
                if (System.nanoTime() - last[0] > TimeUnit.SECONDS.toNanos(10)) {
                    out.printf("  ... %d of %d delivered%n", received, n);
                    last[0] = System.nanoTime();
                }
                return received >= n;
            }, TIMEOUT, n + " deliveries at the receiver");
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + " (" + receiver.received() + " arrived)", e);
        }
    }

    private static double percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    /** The webhook worker as deployed: its own JVM from its jar, delivering everything to the receiver. */
    private WebhookWorkerProcess worker(BackingServices backing, Path dir, String url) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.main.banner-mode=off",
                "--wafleet.webhook.global-url=" + url,
                "--wafleet.webhook.global-secret=" + SECRET,
                "--wafleet.delivery.max-connections-per-host=" + options.concurrency()));
        // logging as deployed: it goes to the worker's log file
        Path jar = WebhookWorkerLauncher.copyJar(options.workerJar(), dir);
        WebhookWorkerLauncher launcher = new WebhookWorkerLauncher(jar, backing.kafkaBootstrapServers(), backing.mongoUri(),
                dir, dir.resolve("logs"), args, WebhookWorkerLauncher.AS_DEPLOYED);
        WebhookWorkerProcess worker = launcher.start("bench-webhook-worker");
        worker.awaitReady(TIMEOUT);
        return worker;
    }

    private static KafkaProducer<String, Event> producer(String bootstrapServers) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                // Kafka's default, as the session workers publish events
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(config, new StringSerializer(), WafleetJson.<Event>serializer());
    }

    private static <T extends AutoCloseable> T track(List<AutoCloseable> resources, T resource) {
        resources.add(resource);
        return resource;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + dir, e);
        }
    }

    /**
     * The Kafka floor of the latency run: a plain consumer assigned every partition of
     * {@code wafleet.events} from their ends, timing each expected event from its send to its receipt.
     */
    private static final class KafkaFloor implements AutoCloseable {

        private final Map<String, Long> expected = new ConcurrentHashMap<>();
        private final List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        private final EventsTail tail;

        KafkaFloor(String bootstrapServers) {
            tail = new EventsTail(bootstrapServers, "bench-kafka-floor", (value, receivedNanos) -> {
                Long sent = expected.remove(WafleetJson.mapper().readTree(value).get("id").asString());
                if (sent != null) {
                    latencies.add(receivedNanos - sent);
                }
            });
        }

        void expect(String id) {
            expected.put(id, System.nanoTime());
        }

        long[] latencies() {
            synchronized (latencies) {
                long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
                Arrays.sort(sorted);
                return sorted;
            }
        }

        @Override
        public void close() throws InterruptedException {
            tail.close();
        }
    }

    /**
     * The webhook endpoint: a JDK HTTP server on loopback with a thread pool, answering 200. It counts
     * each expected event's first receipt and its latency from {@link #expect(String)}.
     */
    private static final class Receiver implements AutoCloseable {

        private final HttpServer server;
        private final ExecutorService threads;
        private final Map<String, Long> expected = new ConcurrentHashMap<>();
        private final Set<String> seen = ConcurrentHashMap.newKeySet();
        private final List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        private final AtomicLong received = new AtomicLong();
        private final AtomicLong duplicates = new AtomicLong();
        private volatile long lastReceipt;

        Receiver(int threadCount) throws IOException {
            threads = Executors.newFixedThreadPool(threadCount, Thread.ofPlatform().name("bench-receiver-", 0).daemon().factory());
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
            server.setExecutor(threads);
            server.createContext("/", exchange -> {
                try (exchange) {
                    exchange.getRequestBody().readAllBytes();
                    long now = System.nanoTime();
                    String id = exchange.getRequestHeaders().getFirst("webhook-id");
                    exchange.sendResponseHeaders(200, -1);
                    if (id == null || !seen.add(id)) {
                        duplicates.incrementAndGet();
                        return;
                    }
                    Long produced = expected.remove(id);
                    if (produced != null) {
                        latencies.add(now - produced);
                        lastReceipt = now;
                        received.incrementAndGet();
                    }
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhook";
        }

        void expect(String id) {
            expected.put(id, System.nanoTime());
        }

        void reset() {
            expected.clear();
            latencies.clear();
            received.set(0);
        }

        long received() {
            return received.get();
        }

        long lastReceipt() {
            return lastReceipt;
        }

        long duplicates() {
            return duplicates.get();
        }

        long[] latencies() {
            synchronized (latencies) {
                return latencies.stream().mapToLong(Long::longValue).toArray();
            }
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
