package io.wafleet.gateway;

import io.wafleet.common.Topics;
import io.wafleet.common.command.Command;
import io.wafleet.common.command.CreateGroup;
import io.wafleet.common.command.GetGroupInfo;
import io.wafleet.common.command.LeaveGroup;
import io.wafleet.common.command.UpdateGroupParticipants;
import io.wafleet.common.connector.GroupInfo;
import io.wafleet.common.connector.ParticipantResult;
import io.wafleet.common.command.Login;
import io.wafleet.common.command.LoginWithCode;
import io.wafleet.common.command.LoginWithToken;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Stands in for a session worker: reads {@code wafleet.commands}, {@code wafleet.config} and
 * {@code wafleet.events} with a plain consumer, keeps what it saw, and answers commands that carry a
 * {@code ReplyTo}. Accounts named {@code silent-*} get no answer; {@code already-*} are answered with
 * {@code already_logged_in}; group calls get a made-up group, or a refusal ({@link #groupRefusal}); a token
 * login of {@code badtoken-*} is refused with {@code invalid_token}.
 */
final class FakeSessionWorker implements AutoCloseable {

    static final String PAIR_CODE = "ABCD-EFGH";
    static final int QR_SECONDS = 45;
    static final String CREATED_GROUP = "120363099999999999@g.us";
    static final String MISSING_GROUP = "120363000000000000@g.us";
    static final Instant CREATED_AT = Instant.parse("2026-11-26T10:15:30Z");

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
            case LoginWithToken c -> c.replyTo();
            case Logout c -> c.replyTo();
            case Reconnect c -> c.replyTo();
            case SandboxScan c -> c.replyTo();
            case SandboxDuplicateConnection c -> c.replyTo();
            case SandboxFault c -> c.replyTo();
            case CreateGroup c -> c.replyTo();
            case GetGroupInfo c -> c.replyTo();
            case UpdateGroupParticipants c -> c.replyTo();
            case LeaveGroup c -> c.replyTo();
            default -> null;
        };
        String account = command.accountId().value();
        if (replyTo == null || account.startsWith("silent")) {
            return;
        }
        Reply refused = groupRefusal(command, replyTo);
        if (command instanceof LoginWithToken && account.startsWith("badtoken")) {
            refused = new Reply(replyTo.correlationId(), command.accountId(), 1, SessionStatus.DISCONNECTED, null, null,
                    null, "invalid_token", "Meta refused the access token (OAuthException 190)");
        }
        Reply reply = refused != null ? refused : account.startsWith("already")
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
                    case CreateGroup c -> Reply.group(replyTo.correlationId(), c.accountId(),
                            group(CREATED_GROUP, c.subject(), c.participants()), results(c.participants()));
                    case GetGroupInfo c -> Reply.group(replyTo.correlationId(), c.accountId(),
                            group(c.groupId(), "Fake group", List.of("6289876543210")), null);
                    case UpdateGroupParticipants c -> Reply.group(replyTo.correlationId(), c.accountId(),
                            group(c.groupId(), "Fake group", c.participants()), results(c.participants()));
                    case LeaveGroup c -> Reply.group(replyTo.correlationId(), c.accountId(), null, null);
                    default -> reply(replyTo, command, SessionStatus.LOGGED_IN, null, null);
                };
        producer.send(new ProducerRecord<>(Topics.REPLIES, replyTo.instance(), reply));
    }

    /**
     * What WhatsApp refuses of a group call: accounts named {@code outsider-*} are in no group
     * ({@code not_member}), {@code member-*} are in it but no admin ({@code not_admin}), and
     * {@link #MISSING_GROUP} does not exist.
     */
    private static Reply groupRefusal(Command command, ReplyTo replyTo) {
        String group = switch (command) {
            case GetGroupInfo c -> c.groupId();
            case UpdateGroupParticipants c -> c.groupId();
            case LeaveGroup c -> c.groupId();
            default -> null;
        };
        String account = command.accountId().value();
        String error = group == null ? null : MISSING_GROUP.equals(group) ? "group_not_found"
                : account.startsWith("outsider") ? "not_member"
                : account.startsWith("member") && command instanceof UpdateGroupParticipants ? "not_admin" : null;
        return error == null ? null : new Reply(replyTo.correlationId(), command.accountId(), 1, null, null, null, null, error,
                "refused: " + error);
    }

    /** The account is the group's superadmin; the participants are members. */
    private static GroupInfo group(String id, String subject, List<String> participants) {
        List<GroupInfo.Participant> members = new ArrayList<>(List.of(
                new GroupInfo.Participant("6281234567890@s.whatsapp.net", "6281234567890", true, true)));
        participants.forEach(phone -> members.add(new GroupInfo.Participant(phone.replace("@s.whatsapp.net", "")
                + "@s.whatsapp.net", phone.replace("@s.whatsapp.net", ""), false, false)));
        return new GroupInfo(id, subject, "6281234567890@s.whatsapp.net", CREATED_AT, members);
    }

    /** A number starting with 0 is not on WhatsApp; the others succeed. */
    private static List<ParticipantResult> results(List<String> participants) {
        return participants.stream().map(phone -> phone.startsWith("0")
                ? ParticipantResult.error(phone + "@s.whatsapp.net", "not_on_whatsapp")
                : ParticipantResult.success(phone.replace("@s.whatsapp.net", "") + "@s.whatsapp.net")).toList();
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
