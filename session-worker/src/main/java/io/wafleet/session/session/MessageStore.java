package io.wafleet.session.session;

import io.wafleet.common.AccountId;
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
 * {@code messages}: one document per message id, inserted before the connector sees the message.
 * The unique {@code _id} makes the insert the at-most-once gate: a second insert fails and the caller
 * re-publishes the recorded outcome instead of sending again.
 */
@Component
class MessageStore {

    static final String QUEUED = "queued";
    static final String SENT = "sent";
    static final String FAILED = "failed";
    private static final String COLLECTION = "messages";

    private final MongoTemplate mongo;
    private final Clock clock;

    MessageStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Records the message as queued; if it was recorded before, answers that earlier record instead. */
    Optional<Document> recordOrFindEarlier(String messageId, String commandId, AccountId account, String to, String type) {
        Instant now = clock.instant();
        Document message = new Document("_id", messageId)
                .append("account_id", account.value())
                .append("command_id", commandId)
                .append("to", to)
                .append("type", type)
                .append("status", QUEUED)
                .append("created_at", now)
                .append("updated_at", now);
        try {
            mongo.insert(message, COLLECTION);
            return Optional.empty();
        } catch (DuplicateKeyException alreadyRecorded) {
            return Optional.ofNullable(mongo.findById(messageId, Document.class, COLLECTION));
        }
    }

    void outcome(String messageId, String status, String reason) {
        Update update = new Update().set("status", status).set("reason", reason).set("updated_at", clock.instant());
        mongo.updateFirst(Query.query(Criteria.where("_id").is(messageId)), update, COLLECTION);
    }

    void deleteAll(AccountId account) {
        mongo.remove(Query.query(Criteria.where("account_id").is(account.value())), COLLECTION);
    }
}
