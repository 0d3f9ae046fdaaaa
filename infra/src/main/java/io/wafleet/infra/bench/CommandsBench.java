package io.wafleet.infra.bench;

import io.wafleet.common.AccountId;
import io.wafleet.common.MessageIds;
import io.wafleet.common.Topics;
import io.wafleet.common.command.Command;
import io.wafleet.common.command.SendMessage;
import io.wafleet.common.json.WafleetJson;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * {@code bench commands}: {@code send.message} commands executed per second by one session worker
 * process, against a plain {@link KafkaConsumer} reading the same records (the broker's limit).
 *
 * <p>The commands are produced straight to {@code wafleet.commands} as the gateway publishes them (the
 * same JSON, keyed by account id) for logged-in sandbox accounts, to a number outside the fleet (one
 * command each). The worker's figure is timed from the first record produced to its consumer group's
 * lag back to 0 (polled every 250 ms): the producer writes them all within about a second, so the
 * worker drains a backlog that is still being written. A warm-up round (not counted) runs first. Then
 * the plain consumer, with a group of its own, reads the same records from the offsets they start at,
 * committing after each poll, timed from its first poll to the last record. Afterwards the accounts'
 * {@code messages} are counted by status, to show the sends really happened.
 */
final class CommandsBench {

    static final String USAGE = """
            usage: java -jar infra/target/wafleet.jar bench commands [options]
              --commands N      send commands of the measured round (default 20000; a warm-up of 1/10 runs first)
              --accounts N      logged-in sandbox accounts they are spread over (default 20)
              --consumers N     the session worker's consumer threads (default: as deployed)
              --worker-jar PATH the session worker's jar (default session-worker/target/session-worker.jar)
              --out PATH        where to write the results as JSON (default bench-commands.json)""";
    private static final String OUTSIDE_PHONE = "6289876543210";
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    record Options(int commands, int accounts, int consumers, Path workerJar, Path out) {

        static Options parse(List<String> args) {
            BenchArgs given = BenchArgs.parse(args, Set.of("commands", "accounts", "consumers", "worker-jar", "out"));
            return new Options(given.number("commands", 20_000), given.number("accounts", 20),
                    given.number("consumers", BenchFleet.DEPLOYED_CONSUMERS),
                    given.path("worker-jar", "session-worker/target/session-worker.jar"), given.path("out", "bench-commands.json"));
        }
    }

    private final Options options;
    private final PrintStream out;

    CommandsBench(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    void run() throws Exception {
        try (BenchFleet fleet = BenchFleet.start(options.workerJar(), BenchFleet.consumers(options.consumers()));
             KafkaProducer<String, Command> producer = producer(fleet.kafkaBootstrapServers());
             KafkaConsumer<String, byte[]> plain = plainConsumer(fleet.kafkaBootstrapServers())) {
            fleet.startWorkers(Stream.of("commands-worker-1"));
            fleet.awaitSettled();
            List<String> accounts = IntStream.range(0, options.accounts()).mapToObj(i -> "cmd-%03d".formatted(i)).toList();
            new BenchApi(fleet.gatewayPort()).logInAll(accounts, 8);
            Poll.until(() -> fleet.loggedInOn(fleet.liveWorkers()) == accounts.size(), TIMEOUT, "every account logged_in");
            fleet.awaitCommandsDone(TIMEOUT);
            out.printf("fleet ready: one session worker, %d sandbox accounts logged in%n", accounts.size());

            int warmUp = Math.max(1, options.commands() / 10);
            out.printf("warm-up: %.0f commands/s (%d commands)%n", drain(fleet, producer, accounts, warmUp), warmUp);
            List<TopicPartition> partitions = plain.partitionsFor(Topics.COMMANDS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            Map<TopicPartition, Long> from = plain.endOffsets(partitions);
            double worker = drain(fleet, producer, accounts, options.commands());
            double broker = read(plain, from, plain.endOffsets(partitions));
            report(worker, broker, warmUp + options.commands(), fleet.messageStatuses(accounts));
        }
    }

    /** Produces {@code n} sends over the accounts; answers commands per second from the first record to the worker's lag 0. */
    private double drain(BenchFleet fleet, KafkaProducer<String, Command> producer, List<String> accounts, int n)
            throws InterruptedException {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            AccountId account = AccountId.of(accounts.get(i % accounts.size()));
            Command send = new SendMessage(MessageIds.newCommandId(), account, Command.SCHEMA_VERSION, MessageIds.newMessageId(),
                    OUTSIDE_PHONE, "bench " + i, null);
            producer.send(new ProducerRecord<>(Topics.COMMANDS, account.value(), send));
        }
        producer.flush();
        long left = fleet.awaitCommandsDone(TIMEOUT);
        if (left != 0) {
            throw new IllegalStateException("the session worker left " + left + " commands after " + TIMEOUT);
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /** Reads every record between the two offsets of each partition; answers records per second. */
    private static double read(KafkaConsumer<String, byte[]> plain, Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        long total = to.entrySet().stream().mapToLong(end -> end.getValue() - from.get(end.getKey())).sum();
        plain.assign(from.keySet());
        from.forEach(plain::seek);
        long start = System.nanoTime();
        long deadline = start + TIMEOUT.toNanos();
        long read = 0;
        while (read < total && System.nanoTime() < deadline) {
            read += plain.poll(Duration.ofMillis(100)).count();
            plain.commitAsync();
        }
        if (read < total) {
            throw new IllegalStateException("the plain consumer read " + read + " of " + total + " records in " + TIMEOUT);
        }
        return total / ((System.nanoTime() - start) / 1e9);
    }

    private void report(double worker, double broker, int produced, Map<String, Long> statuses) throws Exception {
        long handedOver = Stream.of("sent", "delivered", "read").mapToLong(status -> statuses.getOrDefault(status, 0L)).sum();
        out.println();
        out.printf("%-52s %10s %10s %8s%n", "measure", "wafleet", "limit", "ratio");
        out.printf("%-52s %10.0f %10.0f %7.1f%% (target >= 50%%)%n", "send commands /s: session worker vs plain consumer",
                worker, broker, 100 * worker / broker);
        out.printf("messages of the %d commands (with the warm-up) by status: %s; sent (or further) %d%n", produced, statuses, handedOver);
        new BenchResults().put("commands", options.commands()).put("accounts", options.accounts())
                .put("worker_commands_per_second", Math.round(worker)).put("plain_consumer_records_per_second", Math.round(broker))
                .put("worker_vs_plain", Math.round(worker / broker * 1000) / 1000.0)
                .put("produced_with_warm_up", produced).put("message_statuses", statuses).put("sent_or_further", handedOver)
                .write(options.out(), out);
    }

    private static KafkaProducer<String, Command> producer(String bootstrapServers) {
        // as the gateway publishes: acknowledged by all replicas, Kafka's default linger
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(config, new StringSerializer(), WafleetJson.<Command>serializer());
    }

    private static KafkaConsumer<String, byte[]> plainConsumer(String bootstrapServers) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-plain-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
    }
}
