package io.wafleet.webhook;

import io.wafleet.common.AccountId;
import io.wafleet.common.MessageIds;
import io.wafleet.common.Topics;
import io.wafleet.common.event.AccountConfigChanged;
import io.wafleet.common.event.Event;
import io.wafleet.common.event.MessageReceived;
import io.wafleet.common.json.WafleetJson;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/** What the integration test does from outside the worker: configure webhooks, publish, read deliveries. */
final class Fixture {

    private static final Duration MONGO_TIMEOUT = Duration.ofSeconds(10);

    private final String brokers;
    private final ReactiveMongoTemplate mongo;
    private final KafkaTemplate<String, Object> kafka;

    Fixture(String brokers, ReactiveMongoTemplate mongo) {
        this.brokers = brokers;
        this.mongo = mongo;
        this.kafka = producer(Map.of());
    }

    static Event event(String account) {
        Instant now = Instant.now();
        return Event.of(UUID.randomUUID().toString(), AccountId.of(account), now,
                MessageReceived.text(MessageIds.newMessageId(), "6289876543210@s.whatsapp.net", "Budi", now, "Hai"));
    }

    /** Another account whose records land on the same partition as {@code account}'s. */
    static String accountOnPartitionOf(String account, int partitions) {
        int partition = Topics.partitionOf(AccountId.of(account), partitions);
        return Stream.iterate(0, i -> i + 1).map(i -> account + "-neighbour-" + i)
                .filter(candidate -> Topics.partitionOf(AccountId.of(candidate), partitions) == partition)
                .findFirst().orElseThrow();
    }

    /** Sets the account's webhook as the gateway does. */
    void webhook(String account, String url, String secret) {
        mongo.upsert(Query.query(Criteria.where("_id").is(account)),
                Update.update("webhook_url", url).set("webhook_secret", secret).set("updated_at", Instant.now()),
                "account_webhooks").block(MONGO_TIMEOUT);
    }

    /** The worker's record of the event's delivery, or null while it has none. */
    Document delivery(Event event) {
        return mongo.findById(event.id(), Document.class, "webhook_deliveries").block(MONGO_TIMEOUT);
    }

    void publish(Event event) {
        kafka.send(Topics.EVENTS, event.accountId().value(), event).join();
    }

    /**
     * Publishes both events in one producer batch: when they share a partition they reach the log,
     * and so the worker, together.
     */
    void publishTogether(Event first, Event second) {
        KafkaTemplate<String, Object> lingering = producer(Map.of(ProducerConfig.LINGER_MS_CONFIG, 5_000));
        var sends = Stream.of(first, second)
                .map(event -> lingering.send(Topics.EVENTS, event.accountId().value(), event)).toList();
        lingering.flush();
        sends.forEach(CompletableFuture::join);
        lingering.destroy();
    }

    /** Publishes bytes that are not an event, as a broken producer might. */
    void publishGarbage(String account, String text) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        KafkaTemplate<String, String> raw = new KafkaTemplate<>(
                new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new StringSerializer()));
        raw.send(Topics.EVENTS, account, text).join();
        raw.destroy();
    }

    void configChanged(String account) {
        kafka.send(Topics.CONFIG, account, new AccountConfigChanged(AccountId.of(account), 1, Instant.now(), false)).join();
    }

    void close() {
        kafka.destroy();
    }

    private KafkaTemplate<String, Object> producer(Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(extra);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config, new StringSerializer(), WafleetJson.serializer()));
    }
}
