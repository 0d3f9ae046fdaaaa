package io.wafleet.gateway;

import io.wafleet.common.Topics;
import io.wafleet.common.command.Command;
import io.wafleet.common.command.Login;
import io.wafleet.common.command.LoginWithCode;
import io.wafleet.common.command.Logout;
import io.wafleet.common.command.Reconnect;
import io.wafleet.common.command.ReplyTo;
import io.wafleet.common.command.SandboxDuplicateConnection;
import io.wafleet.common.command.SandboxFault;
import io.wafleet.common.command.SandboxScan;
import io.wafleet.common.connector.SessionStatus;
import io.wafleet.common.event.Reply;
import io.wafleet.common.json.WafleetJson;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Stands in for a session worker: reads {@code wafleet.commands}, {@code wafleet.config} and
 * {@code wafleet.events} with a plain consumer, keeps what it saw, and answers commands that carry a
 * {@code ReplyTo}. Accounts named {@code silent-*} get no answer; {@code already-*} are answered with
 * {@code already_logged_in}.
 */
final class FakeSessionWorker implements AutoCloseable {

    static final String PAIR_CODE = "ABCD-EFGH";
    static final int QR_SECONDS = 45;

    /** A record as it was on the topic: its key, and its value parsed (null for a tombstone). */
    record Seen<T>(String key, T value) {
    }

    final Queue<Seen<Command>> commands = new ConcurrentLinkedQueue<>();
    final Queue<Seen<String>> config = new ConcurrentLinkedQueue<>();
    /** Records on {@code wafleet.events} as raw bytes (the gateway puts redelivered events there). */
    final Queue<Seen<byte[]>> events = new ConcurrentLinkedQueue<>();

    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, Reply> producer;
    private final Thread thread;
    private volatile boolean running = true;

    FakeSessionWorker(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.COMMANDS, Topics.CONFIG, Topics.EVENTS)) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), WafleetJson.serializer());
        thread = Thread.ofPlatform().name("fake-session-worker").daemon().start(this::run);
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.topic().equals(Topics.CONFIG)) {
                        config.add(new Seen<>(record.key(), record.value() == null ? null : new String(record.value())));
                    } else if (record.topic().equals(Topics.EVENTS)) {
                        events.add(new Seen<>(record.key(), record.value()));
                    } else {
                        Command command = WafleetJson.mapper().readValue(record.value(), Command.class);
                        commands.add(new Seen<>(record.key(), command));
                        answer(command);
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    private void answer(Command command) {
        ReplyTo replyTo = switch (command) {
            case Login c -> c.replyTo();
            case LoginWithCode c -> c.replyTo();
            case Logout c -> c.replyTo();
            case Reconnect c -> c.replyTo();
            case SandboxScan c -> c.replyTo();
            case SandboxDuplicateConnection c -> c.replyTo();
            case SandboxFault c -> c.replyTo();
            default -> null;
        };
        String account = command.accountId().value();
        if (replyTo == null || account.startsWith("silent")) {
            return;
        }
        Reply reply = account.startsWith("already")
                ? new Reply(replyTo.correlationId(), command.accountId(), 1, SessionStatus.LOGGED_IN, null, null, null,
                "already_logged_in", "account " + account + " is already logged in")
                : switch (command) {
                    case Login c -> reply(replyTo, c, SessionStatus.SCAN_QR, "2@fake-qr-" + account, null);
                    case LoginWithCode c -> reply(replyTo, c, SessionStatus.SCAN_QR, null, PAIR_CODE);
                    case Logout c -> reply(replyTo, c, SessionStatus.LOGGED_OUT, null, null);
                    case Reconnect c -> reply(replyTo, c, SessionStatus.CONNECTING, null, null);
                    case SandboxDuplicateConnection c -> reply(replyTo, c, SessionStatus.DISCONNECTED, null, null);
                    case SandboxFault c -> reply(replyTo, c, c.kind() == SandboxFault.Kind.LOGGED_OUT
                            ? SessionStatus.LOGGED_OUT : SessionStatus.DISCONNECTED, null, null);
                    default -> reply(replyTo, command, SessionStatus.LOGGED_IN, null, null);
                };
        producer.send(new ProducerRecord<>(Topics.REPLIES, replyTo.instance(), reply));
    }

    private static Reply reply(ReplyTo replyTo, Command command, SessionStatus status, String qr, String pairCode) {
        return new Reply(replyTo.correlationId(), command.accountId(), 1, status, qr, qr == null ? null : QR_SECONDS,
                pairCode, null, null);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(Duration.ofSeconds(5));
        producer.close();
    }
}
