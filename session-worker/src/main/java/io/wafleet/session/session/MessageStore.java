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
import java.util.List;
import java.util.Optional;

/**
 * {@code messages}: one document per message id, recorded {@code queued} when its command first runs.
 * The at-most-once gate is the conditional {@code queued -> sending} update made right before the
 * connector sees the message, under the account's session and lease: only one attempt can win it, and
 * a replayed command that finds the message {@code sending}, {@code sent} or {@code failed} re-publishes
 * the outcome (if known) instead of sending again. A message still {@code queued} was never handed
 * over (its first attempt waited for a lease, say), so a replay may send it. The gateway may record
 * it {@code queued} first, when it accepts the send. After {@code sent}, receipts move it to
 * {@code delivered} and {@code read}; each status has its time ({@code sent_at}, {@code failed_at},
 * {@code delivered_at}, {@code read_at}).
 */
@Component
class MessageStore {

    static final String QUEUED = "queued";
    static final String SENDING = "sending";
    static final String SENT = "sent";
    static final String FAILED = "failed";
    static final String DELIVERED = "delivered";
    static final String READ = "read";
    private static final String COLLECTION = "messages";

    private final MongoTemplate mongo;
    private final Clock clock;

    MessageStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Records the message as queued; if it was recorded before, answers that earlier record instead. The
     * gateway records most sends as it accepts them, so the record is looked for first.
     */
    Optional<Document> recordOrFindEarlier(String messageId, String commandId, AccountId account, String to, String type) {
        Document earlier = mongo.findById(messageId, Document.class, COLLECTION);
        if (earlier != null) {
            return Optional.of(earlier);
        }
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
        } catch (DuplicateKeyException recordedMeanwhile) {
            return Optional.ofNullable(mongo.findById(messageId, Document.class, COLLECTION));
        }
    }

    /** Claims the message for the connector; false if another attempt did (or it already ended). */
    boolean claim(String messageId) {
        Query queued = Query.query(Criteria.where("_id").is(messageId).and("status").is(QUEUED));
        Update update = new Update().set("status", SENDING).set("updated_at", clock.instant());
        return mongo.updateFirst(queued, update, COLLECTION).getModifiedCount() > 0;
    }

    /** Records how the message ended ({@code sent_at} or {@code failed_at}), unless it already has an outcome. */
    void outcome(String messageId, String status, String reason) {
        Instant now = clock.instant();
        Update update = new Update().set("status", status).set("reason", reason).set(status + "_at", now)
                .set("updated_at", now);
        Query open = Query.query(Criteria.where("_id").is(messageId).and("status").in(QUEUED, SENDING));
        mongo.updateFirst(open, update, COLLECTION);
    }

    /**
     * A message WhatsApp took and then could not deliver: failed, with the reason, unless a delivery or
     * read receipt came first. False when nothing was changed.
     */
    boolean failedAfterSending(String messageId, String reason) {
        Instant now = clock.instant();
        Query undelivered = Query.query(Criteria.where("_id").is(messageId).and("status").in(QUEUED, SENDING, SENT));
        Update update = new Update().set("status", FAILED).set("reason", reason).set("failed_at", now).set("updated_at", now);
        return mongo.updateFirst(undelivered, update, COLLECTION).getModifiedCount() > 0;
    }

    /**
     * A receipt for sent messages: {@code delivered} or {@code read} with its time, only forward
     * ({@code sent -> delivered -> read}; a late delivery receipt does not undo a read). A read
     * receipt also marks the message delivered, when that receipt never came. Other receipt types
     * change nothing.
     */
    void receipt(List<String> messageIds, String receiptType) {
        Instant now = clock.instant();
        List<String> before = switch (receiptType) {
            case DELIVERED -> List.of(SENT);
            case READ -> List.of(SENT, DELIVERED);
            default -> List.of();
        };
        if (before.isEmpty()) {
            return;
        }
        Query earlier = Query.query(Criteria.where("_id").in(messageIds).and("status").in(before));
        mongo.updateMulti(earlier, new Update().set("status", receiptType).set(receiptType + "_at", now).set("updated_at", now),
                COLLECTION);
        if (READ.equals(receiptType)) {
            Query neverDelivered = Query.query(Criteria.where("_id").in(messageIds).and("status").is(READ)
                    .and("delivered_at").exists(false));
            mongo.updateMulti(neverDelivered, new Update().set("delivered_at", now), COLLECTION);
        }
    }

    void deleteAll(AccountId account) {
        mongo.remove(Query.query(Criteria.where("account_id").is(account.value())), COLLECTION);
    }
}
