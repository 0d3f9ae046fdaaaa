package io.wafleet.session.session;

import io.wafleet.common.AccountId;
import io.wafleet.common.connector.MessageAction;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code message_actions}: one document per action command ({@code _id} = command id), the gate that
 * makes an action take effect at most once, as {@link MessageStore} does for sends: recorded
 * {@code queued} when the command first runs, claimed {@code queued -> acting} right before the
 * connector sees it (only one attempt can win that update), then {@code done} or {@code failed} with a
 * reason. A replayed command that finds it {@code done} or {@code failed} re-publishes that outcome;
 * one that finds it {@code acting} (handed over, outcome unknown) does not act again. Fields:
 * {@code account_id}, {@code action}, {@code message_id}, {@code chat}, {@code status}, {@code reason},
 * {@code created_at}, {@code updated_at}, {@code finished_at}; the gateway's retention job prunes them.
 */
@Component
class ActionStore {

    static final String QUEUED = "queued";
    static final String ACTING = "acting";
    static final String DONE = "done";
    static final String FAILED = "failed";
    private static final String COLLECTION = "message_actions";

    private final MongoTemplate mongo;
    private final Clock clock;

    ActionStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Records the action as queued; if its command ran before, answers that earlier record instead. */
    Optional<Document> recordOrFindEarlier(String commandId, AccountId account, MessageAction action) {
        Instant now = clock.instant();
        Document record = new Document("_id", commandId)
                .append("account_id", account.value())
                .append("action", action.name())
                .append("message_id", action.messageId())
                .append("chat", action.chat())
                .append("status", QUEUED)
                .append("created_at", now)
                .append("updated_at", now);
        try {
            mongo.insert(record, COLLECTION);
            return Optional.empty();
        } catch (DuplicateKeyException alreadyRecorded) {
            return Optional.ofNullable(mongo.findById(commandId, Document.class, COLLECTION));
        }
    }

    /** Claims the action for the connector; false if another attempt did (or it already ended). */
    boolean claim(String commandId) {
        Query queued = Query.query(Criteria.where("_id").is(commandId).and("status").is(QUEUED));
        Update update = new Update().set("status", ACTING).set("updated_at", clock.instant());
        return mongo.updateFirst(queued, update, COLLECTION).getModifiedCount() > 0;
    }

    /** Records how the action ended, unless it already has an outcome. */
    void outcome(String commandId, String status, String reason) {
        Instant now = clock.instant();
        Update update = new Update().set("status", status).set("reason", reason).set("finished_at", now).set("updated_at", now);
        Query open = Query.query(Criteria.where("_id").is(commandId).and("status").in(QUEUED, ACTING));
        mongo.updateFirst(open, update, COLLECTION);
    }

    void deleteAll(AccountId account) {
        mongo.remove(Query.query(Criteria.where("account_id").is(account.value())), COLLECTION);
    }
}
