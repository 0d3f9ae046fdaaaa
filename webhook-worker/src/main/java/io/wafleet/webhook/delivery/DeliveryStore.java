package io.wafleet.webhook.delivery;

import io.wafleet.common.event.Event;
import io.wafleet.webhook.WebhookWorkerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;

/**
 * Records finished deliveries in {@code webhook_deliveries} ({@code _id} = event id). An event
 * delivered again after a redelivery overwrites its record, so the record shows the latest outcome.
 */
@Component
class DeliveryStore {

    static final String COLLECTION = "webhook_deliveries";

    private static final Logger log = LoggerFactory.getLogger(DeliveryStore.class);

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final Duration retention;

    DeliveryStore(ReactiveMongoTemplate mongo, Clock clock, WebhookWorkerProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.retention = properties.delivery().recordRetention();
    }

    /** Records expire after {@code record-retention} (MongoDB's TTL monitor; the embedded server ignores it). */
    @EventListener(ApplicationReadyEvent.class)
    void ensureRetention() {
        Index ttl = new Index().on("updated_at", Sort.Direction.ASC).named("updated_at_ttl").expire(retention);
        mongo.indexOps(COLLECTION).createIndex(ttl).subscribe(
                name -> log.debug("TTL index {} of {} in place", name, COLLECTION),
                failure -> log.warn("Could not create the TTL index of {}: {}", COLLECTION, failure.toString()));
    }

    Mono<Void> record(Event event, DeliveryOutcome outcome) {
        Update update = new Update()
                .set("account_id", event.accountId().value())
                .set("event", event.event())
                .set("url", outcome.url())
                .set("attempts", outcome.attempts())
                .set("status_code", outcome.statusCode())
                .set("outcome", outcome.outcome().wireName())
                .set("updated_at", Date.from(clock.instant()));
        return mongo.upsert(Query.query(Criteria.where("_id").is(event.id())), update, COLLECTION).then();
    }
}
