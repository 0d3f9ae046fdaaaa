package io.wafleet.gateway.message;

import io.wafleet.gateway.GatewayProperties;
import io.wafleet.gateway.send.IdempotencyKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Prunes what sends and actions on messages leave behind: message records and the session workers'
 * action records ({@code message_actions}) and the Cloud API connector's message ids
 * ({@code cloud_api_messages}) after {@code wafleet.retention.messages}, stored media after
 * {@code wafleet.retention.media}, idempotency keys after their 24 hours. MongoDB expires
 * the records by TTL indexes too; the embedded MongoDB-wire server has none, so a job deletes what is
 * older every {@code prune-interval} (every gateway runs it: deleting twice is harmless). Media have
 * no TTL index (GridFS keeps a file in two collections): only the job removes them.
 */
@Component
public class Retention implements DisposableBean {

    /** What one pruning removed. */
    public record Pruned(long messages, long media, long idempotencyKeys, long actions, long cloudMessageIds) {
    }

    /** The session workers' record of each action on a message, kept as long as message records. */
    static final String ACTIONS = "message_actions";
    /** The Cloud API connector's {@code wamid} of each message, kept as long as message records. */
    static final String CLOUD_MESSAGE_IDS = "cloud_api_messages";

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final ReactiveMongoTemplate mongo;
    private final ReactiveGridFsTemplate media;
    private final GatewayProperties.Retention settings;
    private final Clock clock;
    private volatile Disposable job;

    Retention(ReactiveMongoTemplate mongo, ReactiveGridFsTemplate media, GatewayProperties properties) {
        this.mongo = mongo;
        this.media = media;
        this.settings = properties.retention();
        this.clock = Clock.systemUTC();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        ttlIndex(MessageRecords.COLLECTION, settings.messages());
        ttlIndex(IdempotencyKeys.COLLECTION, IdempotencyKeys.KEPT);
        ttlIndex(ACTIONS, settings.messages());
        ttlIndex(CLOUD_MESSAGE_IDS, settings.messages());
        Duration every = settings.pruneInterval();
        job = Flux.interval(every, every)
                .concatMap(tick -> prune().onErrorResume(failure -> {
                    log.warn("Could not prune message records and media: {}", failure.toString());
                    return Mono.empty();
                }))
                .subscribe(pruned -> log.debug("Pruned {}", pruned));
    }

    /** Deletes what is older than its retention now. */
    public Mono<Pruned> prune() {
        Date now = Date.from(clock.instant());
        Mono<Long> messages = remove(MessageRecords.COLLECTION, ago(now, settings.messages()));
        Mono<Long> keys = remove(IdempotencyKeys.COLLECTION, ago(now, IdempotencyKeys.KEPT));
        Mono<Long> actions = remove(ACTIONS, ago(now, settings.messages()));
        Mono<Long> cloudIds = remove(CLOUD_MESSAGE_IDS, ago(now, settings.messages()));
        Query oldMedia = Query.query(where("uploadDate").lt(ago(now, settings.media())));
        Mono<Long> files = media.find(oldMedia).count()
                .flatMap(count -> count == 0 ? Mono.just(0L) : media.delete(oldMedia).thenReturn(count));
        return Mono.zip(messages, files, keys, actions, cloudIds)
                .map(all -> new Pruned(all.getT1(), all.getT2(), all.getT3(), all.getT4(), all.getT5()));
    }

    private Mono<Long> remove(String collection, Date before) {
        return mongo.remove(Query.query(where("created_at").lt(before)), collection).map(result -> result.getDeletedCount());
    }

    private static Date ago(Date now, Duration age) {
        return Date.from(now.toInstant().minus(age));
    }

    private void ttlIndex(String collection, Duration age) {
        Index ttl = new Index().on("created_at", Sort.Direction.ASC).named("created_at_ttl").expire(age);
        mongo.indexOps(collection).createIndex(ttl).subscribe(
                name -> log.debug("TTL index {} of {} in place", name, collection),
                failure -> log.warn("Could not create the TTL index of {}: {}", collection, failure.toString()));
    }

    @Override
    public void destroy() {
        Disposable running = job;
        if (running != null) {
            running.dispose();
        }
    }
}
