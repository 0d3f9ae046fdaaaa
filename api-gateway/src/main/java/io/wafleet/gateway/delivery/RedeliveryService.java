package io.wafleet.gateway.delivery;

import io.wafleet.common.AccountId;
import io.wafleet.gateway.GatewayProperties;
import io.wafleet.gateway.kafka.CommandPublisher;
import io.wafleet.gateway.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Puts recorded events back on {@code wafleet.events} for the webhook workers. Each record is claimed
 * ({@code pending}) before its event is republished, and given back when Kafka does not take it, so a
 * failed call leaves the log as it was and two calls never republish the same record.
 */
@Service
class RedeliveryService {

    /** The answer of a bulk redelivery: how many were republished, and whether more records match. */
    record Redelivered(String outcome, long redelivered, boolean hasMore) {
    }

    private static final Logger log = LoggerFactory.getLogger(RedeliveryService.class);

    /** Republishes at once at most this many of a bulk call's records (Kafka batches them anyway). */
    private static final int CONCURRENCY = 16;

    private final DeliveryStore store;
    private final CommandPublisher publisher;
    private final int batchSize;

    RedeliveryService(DeliveryStore store, CommandPublisher publisher, GatewayProperties properties) {
        this.store = store;
        this.publisher = publisher;
        this.batchSize = properties.webhook().redeliverBatchSize();
    }

    /** Redelivers one event: 404 when the account has no such record, 409 when it is pending already. */
    Mono<Void> redeliver(AccountId account, String eventId) {
        return store.find(account, eventId)
                .switchIfEmpty(Mono.error(() -> notFound(eventId)))
                .flatMap(found -> {
                    if (Outcome.PENDING.wireName().equals(found.get("outcome"))) {
                        return Mono.error(alreadyPending(eventId));
                    }
                    if (!(found.get("body") instanceof String)) {
                        return Mono.error(ApiException.conflict("the delivery of event " + eventId
                                + " has no stored body, so it cannot be redelivered"));
                    }
                    return store.claim(account, eventId, where("outcome").ne(Outcome.PENDING.wireName()))
                            .switchIfEmpty(Mono.error(() -> alreadyPending(eventId)))
                            .flatMap(claim -> republish(account, claim));
                });
    }

    /** Redelivers up to the batch size of the account's records with {@code outcome}, oldest first. */
    Mono<Redelivered> redeliverAll(AccountId account, Outcome outcome) {
        return store.idsWithOutcome(account, outcome, batchSize + 1).collectList()
                .flatMap(ids -> {
                    List<String> batch = ids.subList(0, Math.min(ids.size(), batchSize));
                    boolean hasMore = ids.size() > batchSize;
                    AtomicReference<Throwable> failure = new AtomicReference<>();
                    return Flux.fromIterable(batch)
                            .flatMap(id -> failure.get() != null ? Mono.just(false)
                                    : store.claim(account, id, where("outcome").is(outcome.wireName()))
                                            .flatMap(claim -> republish(account, claim).thenReturn(true))
                                            .defaultIfEmpty(false)
                                            .onErrorResume(error -> {
                                                failure.compareAndSet(null, error);
                                                return Mono.just(false);
                                            }), CONCURRENCY)
                            .filter(republished -> republished)
                            .count()
                            .flatMap(count -> failure.get() == null
                                    ? Mono.just(new Redelivered(outcome.wireName(), count, hasMore))
                                    : Mono.error(partial(count, batch.size(), failure.get())));
                });
    }

    private Mono<Void> republish(AccountId account, DeliveryStore.Claim claim) {
        return publisher.republishEvent(account, claim.body())
                .onErrorResume(error -> store.release(account, claim).then(Mono.error(error)));
    }

    private static ApiException partial(long done, int of, Throwable failure) {
        if (!(failure instanceof ApiException)) {
            log.warn("bulk redelivery stopped after {} of {}", done, of, failure);
        }
        String why = failure instanceof ApiException api ? api.getMessage() : "the delivery log could not be updated";
        return ApiException.unavailable(done + " of " + of + " deliveries were redelivered, the others are unchanged: "
                + why);
    }

    private static ApiException notFound(String eventId) {
        return ApiException.notFound("no delivery of event '" + eventId + "' for this account");
    }

    private static ApiException alreadyPending(String eventId) {
        return ApiException.conflict("the delivery of event " + eventId + " is pending already");
    }
}
