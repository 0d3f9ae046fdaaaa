package io.wafleet.webhook.kafka;

import io.wafleet.common.Topics;
import io.wafleet.common.event.Event;
import io.wafleet.webhook.WebhookWorkerProperties;
import io.wafleet.webhook.delivery.Retries;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The retry tiers and the dead-letter topic over Kafka, keyed by account id. A retry goes to the
 * tier whose floor ({@code wafleet.delivery.retry-tier-floors}) is the highest its wait reaches, so
 * the records of one tier wait about as long as each other and a partition's head is due about as
 * soon as those behind it.
 */
@Component
class RetryTopics implements Retries {

    private final KafkaTemplate<String, byte[]> kafka;
    private final List<Duration> floors;
    private final Clock clock;

    RetryTopics(KafkaTemplate<String, byte[]> kafka, WebhookWorkerProperties properties, Clock clock) {
        this.kafka = kafka;
        this.floors = properties.delivery().retryTierFloors();
        this.clock = clock;
        if (floors.size() != Topics.EVENTS_RETRY_TIERS.size()) {
            throw new IllegalStateException("wafleet.delivery.retry-tier-floors needs one wait per retry tier, "
                    + Topics.EVENTS_RETRY_TIERS.size() + " in all (" + Topics.EVENTS_RETRY_TIERS + "), not " + floors.size());
        }
    }

    @Override
    public Mono<Void> retryLater(Event event, byte[] body, int attempt, Duration wait) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(tierFor(floors, wait), event.accountId().value(), body);
        RetryHeaders.put(record.headers(), RetryHeaders.ATTEMPT, attempt);
        RetryHeaders.put(record.headers(), RetryHeaders.DUE_AT, clock.instant().plus(wait).toEpochMilli());
        return send(record);
    }

    @Override
    public Mono<Void> deadLetter(Event event, byte[] body, int attempts, Integer lastStatus, String lastError) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.EVENTS_DLT, event.accountId().value(), body);
        RetryHeaders.put(record.headers(), RetryHeaders.ATTEMPTS, attempts);
        RetryHeaders.put(record.headers(), RetryHeaders.LAST_STATUS, lastStatus);
        RetryHeaders.put(record.headers(), RetryHeaders.LAST_ERROR, lastError);
        return send(record);
    }

    /** The tier of a wait: the last one whose floor it reaches (the first tier takes anything shorter). */
    static String tierFor(List<Duration> floors, Duration wait) {
        int tier = 0;
        for (int i = 1; i < floors.size(); i++) {
            if (wait.compareTo(floors.get(i)) >= 0) {
                tier = i;
            }
        }
        return Topics.EVENTS_RETRY_TIERS.get(tier);
    }

    // send() may block while the producer has no metadata or no buffer space: never on a Netty thread.
    private Mono<Void> send(ProducerRecord<String, byte[]> record) {
        return Mono.fromFuture(() -> kafka.send(record)).subscribeOn(Schedulers.boundedElastic()).then();
    }
}
