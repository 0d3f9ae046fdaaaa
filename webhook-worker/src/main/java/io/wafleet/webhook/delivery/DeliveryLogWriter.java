package io.wafleet.webhook.delivery;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.util.List;

/**
 * Writes the delivery log in batches: the upserts of concurrent deliveries are gathered for at most
 * {@value #MAX_BATCH} records or {@link #MAX_WAIT}, whichever comes first, and sent as one unordered
 * bulk write, at most {@value #CONCURRENT_BATCHES} at a time. One round trip then records hundreds of
 * attempts, where one each would make MongoDB the limit of the delivery rate. Each caller's Mono
 * completes once its own write is acknowledged (or fails with the batch's error), so an event's offset
 * is still committed only after its record is stored. A subscription enqueues the write anew: retrying
 * a failed write is re-subscribing.
 */
@Component
class DeliveryLogWriter implements AutoCloseable {

    static final int MAX_BATCH = 500;
    static final Duration MAX_WAIT = Duration.ofMillis(5);
    static final int CONCURRENT_BATCHES = 2;

    private record Pending(Query query, Update update, Sinks.Empty<Void> written) {
    }

    private final ReactiveMongoTemplate mongo;
    private final Sinks.Many<Pending> queue = Sinks.many().unicast().onBackpressureBuffer();
    private final Disposable writing;

    DeliveryLogWriter(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
        this.writing = queue.asFlux()
                // fair backpressure: a batch waits while both writes are busy, instead of overflowing
                .bufferTimeout(MAX_BATCH, MAX_WAIT, true)
                .flatMap(this::write, CONCURRENT_BATCHES)
                .subscribe();
    }

    /** Upserts one document, in the next batch. */
    Mono<Void> upsert(Query query, Update update) {
        return Mono.defer(() -> {
            Sinks.Empty<Void> written = Sinks.empty();
            synchronized (queue) {
                queue.emitNext(new Pending(query, update, written), Sinks.EmitFailureHandler.FAIL_FAST);
            }
            return written.asMono();
        });
    }

    private Mono<Void> write(List<Pending> batch) {
        ReactiveBulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, DeliveryStore.DELIVERIES);
        batch.forEach(pending -> bulk.upsert(pending.query(), pending.update()));
        return Mono.from(bulk.execute())
                .doOnSuccess(result -> batch.forEach(pending -> pending.written().tryEmitEmpty()))
                .doOnError(failure -> batch.forEach(pending -> pending.written().tryEmitError(failure)))
                .then()
                .onErrorResume(failure -> Mono.empty());
    }

    @Override
    public void close() {
        writing.dispose();
    }
}
