package io.wafleet.gateway.message;

import io.wafleet.common.AccountId;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.Date;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The gateway's side of {@code messages}: a send recorded {@code queued} as it is accepted, and the reads. */
@Component
public class MessageRecords {

    static final String COLLECTION = "messages";
    static final String QUEUED = "queued";
    static final String SENDING = "sending";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock = Clock.systemUTC();

    MessageRecords(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Records an accepted send as {@code queued}, before its command is published, so that its status
     * can be read while it waits in Kafka. The session worker finds this record and goes on from it.
     */
    public Mono<Void> queued(String messageId, String commandId, AccountId account, String to, String type) {
        Date now = Date.from(clock.instant());
        return mongo.insert(new Document("_id", messageId)
                .append("account_id", account.value())
                .append("command_id", commandId)
                .append("to", to)
                .append("type", type)
                .append("status", QUEUED)
                .append("created_at", now)
                .append("updated_at", now), COLLECTION).then();
    }

    /** Forgets a send whose command could not be published (best effort: it was never sent). */
    public Mono<Void> notPublished(String messageId) {
        return mongo.remove(Query.query(where("_id").is(messageId).and("status").is(QUEUED)), COLLECTION)
                .then()
                .onErrorResume(ignored -> Mono.empty());
    }

    Mono<Document> find(String messageId) {
        return mongo.findById(messageId, Document.class, COLLECTION);
    }

    /** The account's newest messages first, optionally of one status ({@code queued} includes the worker's {@code sending}). */
    Flux<Document> recent(AccountId account, String status, int limit) {
        Criteria criteria = where("account_id").is(account.value());
        if (QUEUED.equals(status)) {
            criteria = criteria.and("status").in(QUEUED, SENDING);
        } else if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "created_at")).limit(limit),
                Document.class, COLLECTION);
    }
}
