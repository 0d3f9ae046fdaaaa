package io.wafleet.webhook.delivery;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes the delivery log in batches, as a group commit: a write goes out at once when fewer than
 * {@value #CONCURRENT_BATCHES} bulk writes are in flight; otherwise it waits in a queue, and when a
 * bulk write completes the next one takes up to {@value #MAX_BATCH} waiting writes. Under load one
 * round trip records hundreds of attempts, where one each would make MongoDB the limit of the
 * delivery rate; when idle a write waits for nothing. Each caller's Mono completes once its own write
 * is acknowledged (or fails with its batch's error), so an event's offset is still committed only
 * after its record is stored. A subscription enqueues the write anew: retrying a failed write is
 * re-subscribing.
 */
@Component
class DeliveryLogWriter {

    static final int MAX_BATCH = 500;
    static final int CONCURRENT_BATCHES = 2;

    private record Pending(Query query, Update update, Sinks.Empty<Void> written) {
    }

    private final ReactiveMongoTemplate mongo;
    private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    DeliveryLogWriter(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Upserts one document, alone or in the next batch. */
    Mono<Void> upsert(Query query, Update update) {
        return Mono.defer(() -> {
            Sinks.Empty<Void> written = Sinks.empty();
            waiting.add(new Pending(query, update, written));
            drain();
            return written.asMono();
        });
    }

    /**
     * Starts bulk writes while there are waiting writes and a free slot. Called after every enqueue
     * and after every bulk write, so a write never waits with a slot free: the enqueue happens before
     * its caller looks at the slots, and a finishing write frees its slot before it looks at the queue.
     */
    private void drain() {
        while (!waiting.isEmpty()) {
            int busy = inFlight.get();
            if (busy >= CONCURRENT_BATCHES) {
                return;
            }
            if (!inFlight.compareAndSet(busy, busy + 1)) {
                continue;
            }
            List<Pending> batch = new ArrayList<>();
            for (Pending next = waiting.poll(); next != null; next = batch.size() < MAX_BATCH ? waiting.poll() : null) {
                batch.add(next);
            }
            if (batch.isEmpty()) {
                inFlight.decrementAndGet();
                continue;
            }
            write(batch).subscribe();
        }
    }

    private Mono<Void> write(List<Pending> batch) {
        ReactiveBulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, DeliveryStore.DELIVERIES);
        batch.forEach(pending -> bulk.upsert(pending.query(), pending.update()));
        return Mono.defer(bulk::execute)
                .doOnSuccess(result -> batch.forEach(pending -> pending.written().tryEmitEmpty()))
                .doOnError(failure -> batch.forEach(pending -> pending.written().tryEmitError(failure)))
                .onErrorResume(failure -> Mono.empty())
                .doFinally(signal -> {
                    inFlight.decrementAndGet();
                    drain();
                })
                .then();
    }
}
