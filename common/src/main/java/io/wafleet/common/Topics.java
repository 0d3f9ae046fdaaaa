package io.wafleet.common;

import org.apache.kafka.common.utils.Utils;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The Kafka topics of the contract. Every record on the command, event and config topics is keyed by
 * the account id, so the records of one account stay in order on one partition.
 */
public final class Topics {

    /** Commands for session workers; key = account id. Other systems may produce here directly. */
    public static final String COMMANDS = "wafleet.commands";
    /** Commands that could not be parsed or run, kept for inspection; key = account id when known. */
    public static final String COMMANDS_DLT = "wafleet.commands.dlt";
    /** What happened on the sessions; key = account id. Webhook workers deliver these. */
    public static final String EVENTS = "wafleet.events";
    /**
     * Delayed redelivery tiers of {@link #EVENTS} used by webhook workers; key = account id. A failed
     * delivery is republished to the tier whose wait fits its backoff, with its attempt number and due
     * time in headers; the tiers' consumers hold a partition (paused, never sleeping) until its head is
     * due. Tier 1 takes the shortest waits, tier 3 the longest.
     */
    public static final String EVENTS_RETRY_1 = "wafleet.events.retry-1";
    public static final String EVENTS_RETRY_2 = "wafleet.events.retry-2";
    public static final String EVENTS_RETRY_3 = "wafleet.events.retry-3";
    /** The retry tiers of {@link #EVENTS}, shortest wait first. */
    public static final List<String> EVENTS_RETRY_TIERS = List.of(EVENTS_RETRY_1, EVENTS_RETRY_2, EVENTS_RETRY_3);
    /** Events whose delivery exhausted its attempts; key = account id. Kept for inspection and redelivery. */
    public static final String EVENTS_DLT = "wafleet.events.dlt";
    /** Answers of session workers to gateway calls that wait (login QR, pairing code); key = gateway instance id. */
    public static final String REPLIES = "wafleet.replies";
    /** Compacted; key = account id. An account's configuration (webhook, existence) changed. */
    public static final String CONFIG = "wafleet.config";

    public static final int DEFAULT_PARTITIONS = 32;

    private Topics() {
    }

    /**
     * The topics of the contract with their partition counts, for services to create at start-up
     * (nothing relies on broker auto-creation). {@code partitions} applies to the account-keyed topics.
     */
    public static List<NewTopic> all(int partitions, short replication) {
        return List.of(
                new NewTopic(COMMANDS, partitions, replication),
                new NewTopic(COMMANDS_DLT, partitions, replication),
                new NewTopic(EVENTS, partitions, replication),
                new NewTopic(EVENTS_RETRY_1, partitions, replication),
                new NewTopic(EVENTS_RETRY_2, partitions, replication),
                new NewTopic(EVENTS_RETRY_3, partitions, replication),
                new NewTopic(EVENTS_DLT, partitions, replication),
                new NewTopic(REPLIES, Math.min(partitions, 8), replication),
                new NewTopic(CONFIG, partitions, replication)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
    }

    /**
     * The partition Kafka's default partitioner picks for an account's records, so a worker can tell
     * which accounts its assigned partitions own.
     */
    public static int partitionOf(AccountId accountId, int partitions) {
        byte[] key = accountId.value().getBytes(StandardCharsets.UTF_8);
        return Utils.toPositive(Utils.murmur2(key)) % partitions;
    }
}
