package io.wafleet.webhook;

import io.wafleet.common.AccountId;
import io.wafleet.common.MessageIds;
import io.wafleet.common.Topics;
import io.wafleet.common.crypto.KeyRing;
import io.wafleet.common.crypto.SealedField;
import io.wafleet.common.crypto.SecretCipher;
import io.wafleet.common.event.AccountConfigChanged;
import io.wafleet.common.event.Event;
import io.wafleet.common.event.MessageAcked;
import io.wafleet.common.event.MessageReceived;
import io.wafleet.common.json.WafleetJson;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
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

    /** A receipt event ({@code message.ack}) of the account. */
    static Event ack(String account) {
        return Event.of(UUID.randomUUID().toString(), AccountId.of(account), Instant.now(),
                new MessageAcked(List.of(MessageIds.newMessageId()), "read", "6289876543210@s.whatsapp.net", "6289876543210"));
    }

    /** Another account whose records land on the same partition as {@code account}'s. */
    static String accountOnPartitionOf(String account, int partitions) {
        int partition = Topics.partitionOf(AccountId.of(account), partitions);
        return Stream.iterate(0, i -> i + 1).map(i -> account + "-neighbour-" + i)
                .filter(candidate -> Topics.partitionOf(AccountId.of(candidate), partitions) == partition)
                .findFirst().orElseThrow();
    }

    /** Sets the account's webhook as the gateway does, without a policy. */
    void webhook(String account, String url, String secret) {
        webhook(account, url, secret, new Document());
    }

    /**
     * Sets the account's webhook as the gateway does, with policy fields ({@code events}, {@code max_attempts},
     * {@code headers}): the secret sealed under the current master key.
     */
    void webhook(String account, String url, String secret, Document policy) {
        saveWebhook(account, url, policy.append(SealedField.WEBHOOK_SECRET.field(),
                new Binary(sealed(WebhookWorkerITSupport.MASTER_KEY, account, secret))));
    }

    /** Sets the account's webhook with its secret sealed under {@code masterKey} (base64), as a gateway using that key would. */
    void webhookSealedWith(String masterKey, String account, String url, String secret) {
        saveWebhook(account, url, new Document(SealedField.WEBHOOK_SECRET.field(), new Binary(sealed(masterKey, account, secret))));
    }

    /** Sets the account's webhook as gateways did before secrets were sealed: the secret in plaintext. */
    void plaintextWebhook(String account, String url, String secret) {
        saveWebhook(account, url, new Document(SealedField.WEBHOOK_SECRET.plaintextField(), secret));
    }

    /** The account's webhook document as stored. */
    Document storedWebhook(String account) {
        return mongo.findById(account, Document.class, "account_webhooks").block(MONGO_TIMEOUT);
    }

    private void saveWebhook(String account, String url, Document fields) {
        Document webhook = new Document("_id", account).append("webhook_url", url).append("updated_at", new Date());
        webhook.putAll(fields);
        mongo.save(webhook, "account_webhooks").block(MONGO_TIMEOUT);
    }

    private static byte[] sealed(String masterKey, String account, String secret) {
        SecretCipher cipher = new SecretCipher(KeyRing.of(Base64.getDecoder().decode(masterKey)));
        return cipher.seal(secret.getBytes(StandardCharsets.UTF_8), SealedField.WEBHOOK_SECRET.associatedData(account));
    }

    /** The worker's record of the event's delivery, or null while it has none. */
    Document delivery(Event event) {
        return mongo.findById(event.id(), Document.class, "webhook_deliveries").block(MONGO_TIMEOUT);
    }

    /**
     * The worker's records of the event's latest attempts, oldest first, each with its {@code attempt}
     * number added (the last one is the delivery's {@code attempts}).
     */
    List<Document> attempts(Event event) {
        Document delivery = delivery(event);
        if (delivery == null || delivery.getList("attempt_log", Document.class) == null) {
            return List.of();
        }
        List<Document> log = delivery.getList("attempt_log", Document.class);
        int first = delivery.get("attempts", Number.class).intValue() - log.size() + 1;
        List<Document> numbered = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            numbered.add(new Document(log.get(i)).append("attempt", first + i));
        }
        return numbered;
    }

    /** Republishes a stored body to wafleet.events, as the gateway's redelivery does. */
    void republish(String account, String body) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        KafkaTemplate<String, String> raw = new KafkaTemplate<>(
                new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new StringSerializer()));
        raw.send(Topics.EVENTS, account, body).join();
        raw.destroy();
    }

    /** The dead letters of the event on wafleet.events.dlt (empty until there is one). */
    List<ConsumerRecord<String, String>> deadLetters(Event event) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.EVENTS_DLT).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.value() != null && record.value().contains(event.id())) {
                        found.add(record);
                    }
                });
            }
            return found;
        }
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

    /** Publishes text as it is: an event written by another producer, or bytes that are not an event. */
    void publishText(String account, String text) {
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
