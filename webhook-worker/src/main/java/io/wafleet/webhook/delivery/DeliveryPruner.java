package io.wafleet.webhook.delivery;

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
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;

/**
 * Keeps delivery records for {@code wafleet.delivery.retention}. MongoDB expires them by TTL indexes;
 * the embedded MongoDB-wire server has no TTL monitor, so a job deletes what is older every
 * {@code prune-interval} as well (by {@code updated_at}; a record's attempts go with it).
 */
@Component
public class DeliveryPruner {

    private static final Logger log = LoggerFactory.getLogger(DeliveryPruner.class);

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final TaskScheduler scheduler;
    private final Duration retention;
    private final Duration interval;

    DeliveryPruner(ReactiveMongoTemplate mongo, Clock clock, TaskScheduler scheduler, WebhookWorkerProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.scheduler = scheduler;
        this.retention = properties.delivery().retention();
        this.interval = properties.delivery().pruneInterval();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        ttlIndex(DeliveryStore.DELIVERIES, "updated_at");
        scheduler.scheduleWithFixedDelay(() -> prune().subscribe(
                removed -> log.debug("Pruned {} delivery record(s) older than {}", removed, retention),
                failure -> log.warn("Could not prune delivery records: {}", failure.toString())),
                clock.instant().plus(interval), interval);
    }

    /** Deletes the records older than the retention; emits how many. */
    public Mono<Long> prune() {
        Date cutoff = Date.from(clock.instant().minus(retention));
        return mongo.remove(Query.query(Criteria.where("updated_at").lt(cutoff)), DeliveryStore.DELIVERIES)
                .map(result -> result.getDeletedCount());
    }

    private void ttlIndex(String collection, String field) {
        Index ttl = new Index().on(field, Sort.Direction.ASC).named(field + "_ttl").expire(retention);
        mongo.indexOps(collection).createIndex(ttl).subscribe(
                name -> log.debug("TTL index {} of {} in place", name, collection),
                failure -> log.warn("Could not create the TTL index of {}: {}", collection, failure.toString()));
    }
}
