package io.wafleet.gateway.delivery;

import io.wafleet.common.AccountId;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Reads {@code webhook_deliveries} (written by the webhook worker, each with its latest attempts) and
 * claims records for redelivery. Every query carries the account id, so one account never reads or
 * touches another's records.
 */
@Component
class DeliveryStore {

    static final String DELIVERIES = "webhook_deliveries";

    /**
     * A record taken for redelivery, with what it was before, to give it back if the event cannot be
     * republished.
     */
    record Claim(String eventId, byte[] body, String previousOutcome, Date previousUpdatedAt, Date claimedAt) {
    }

    private final ReactiveMongoTemplate mongo;
    private final Clock clock = Clock.systemUTC();

    DeliveryStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<DeliveryPage> page(AccountId account, DeliveryQuery request) {
        Criteria filter = where("account_id").is(account.value());
        if (request.outcome() != null) {
            filter = filter.and("outcome").is(request.outcome().wireName());
        }
        Query query = Query.query(filter).with(Sort.by(Sort.Direction.DESC, "updated_at", "_id"))
                .skip(request.skip()).limit(request.size());
        query.fields().exclude("body").exclude("attempt_log");
        return Mono.zip(mongo.find(query, Document.class, DELIVERIES).map(DeliveryView::from).collectList(),
                        mongo.count(Query.query(filter), DELIVERIES))
                .map(found -> new DeliveryPage(found.getT1(), request.page(), request.size(), found.getT2()));
    }

    Mono<Document> find(AccountId account, String eventId) {
        return mongo.findOne(ofAccount(account, eventId), Document.class, DELIVERIES);
    }

    /** Ids of the account's redeliverable records with this outcome, oldest first. */
    Flux<String> idsWithOutcome(AccountId account, Outcome outcome, int limit) {
        Query query = Query.query(where("account_id").is(account.value()).and("outcome").is(outcome.wireName())
                .and("body").ne(null)).with(Sort.by("created_at", "_id")).limit(limit);
        query.fields().include("_id");
        return mongo.find(query, Document.class, DELIVERIES).map(document -> document.getString("_id"));
    }

    /**
     * Sets the record's outcome to {@code pending} if it matches {@code outcome} and has a body; empty
     * when it does not (already pending, changed meanwhile, or nothing to redeliver).
     */
    Mono<Claim> claim(AccountId account, String eventId, Criteria outcome) {
        Date now = Date.from(clock.instant());
        Query query = ofAccount(account, eventId).addCriteria(outcome).addCriteria(where("body").ne(null));
        Update update = Update.update("outcome", Outcome.PENDING.wireName()).set("updated_at", now);
        return mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(false), Document.class,
                        DELIVERIES)
                .map(before -> new Claim(eventId, DocumentFields.string(before, "body").getBytes(StandardCharsets.UTF_8),
                        DocumentFields.string(before, "outcome"), DocumentFields.date(before, "updated_at"), now));
    }

    /** Gives a claim back, unless the webhook worker has written the record since. */
    Mono<Void> release(AccountId account, Claim claim) {
        Query query = ofAccount(account, claim.eventId()).addCriteria(where("outcome").is(Outcome.PENDING.wireName()))
                .addCriteria(where("updated_at").is(claim.claimedAt()));
        Update update = Update.update("outcome", claim.previousOutcome()).set("updated_at", claim.previousUpdatedAt());
        return mongo.updateFirst(query, update, DELIVERIES).then();
    }

    private static Query ofAccount(AccountId account, String eventId) {
        return Query.query(where("_id").is(eventId).and("account_id").is(account.value()));
    }
}
