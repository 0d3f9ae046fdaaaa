package io.wafleet.session.session;

import io.wafleet.common.AccountId;
import io.wafleet.common.connector.SessionStatus;
import io.wafleet.common.event.SessionStatusChanged;
import io.wafleet.session.MongoIds;
import io.wafleet.session.WorkerId;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The session worker's writes to {@code accounts}: single-document updates, never upserts, so an
 * account the gateway deleted stays deleted. Each write is fenced: it carries the epoch of the lease
 * its session was opened under ({@code lease_epoch}) and is refused by the filter when the document
 * already bears a higher one, so a worker that lost the account cannot overwrite its next owner's
 * state, even after a pause between its own lease check and the write.
 */
@Component
class AccountStore {

    private static final String COLLECTION = "accounts";
    private static final String EPOCH = "lease_epoch";

    private final MongoTemplate mongo;
    private final Clock clock;

    AccountStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Records a status change made under the lease at {@code epoch}; {@code forgetDevice} clears the
     * linked device (logout). False when refused: the account has moved on to a newer lease.
     */
    boolean statusChanged(AccountId account, long epoch, SessionStatusChanged change, boolean forgetDevice) {
        Instant now = clock.instant();
        Update update = new Update()
                .set("status", change.status().wireName())
                .set("status_reason", change.reason())
                .set("owner", change.owner())
                .set(EPOCH, epoch)
                .set("updated_at", now);
        if (change.status() == SessionStatus.LOGGED_IN) {
            update.set("last_connected", now);
            if (change.phoneNumber() != null) {
                update.set("phone_number", change.phoneNumber());
            }
            if (change.deviceId() != null) {
                update.set("device_id", change.deviceId());
            }
        }
        if (forgetDevice) {
            update.set("device_id", null).set("phone_number", null);
        }
        if (mongo.updateFirst(fenced(account, epoch), update, COLLECTION).getMatchedCount() > 0) {
            return true;
        }
        // nothing matched: a deleted account (nothing to refuse), or a newer lease's write (refused)
        return !MongoIds.exists(mongo, COLLECTION, account.value());
    }

    /**
     * This worker no longer holds these accounts (hand-over): their {@code owner} is cleared in one
     * update, each fenced by its own lease's epoch; a newer owner's mark is left alone.
     */
    void releaseOwners(Collection<SessionLeases.Lease> released, WorkerId worker) {
        if (released.isEmpty()) {
            return;
        }
        Criteria[] each = released.stream().map(lease -> fence(lease.account(), lease.epoch())).toArray(Criteria[]::new);
        Query mine = Query.query(where("_id").in(released.stream().map(lease -> lease.account().value()).toList())
                .and("owner").is(worker.value()).orOperator(each));
        mongo.updateMulti(mine, new Update().set("owner", null).set("updated_at", clock.instant()), COLLECTION);
    }

    /**
     * Those of these accounts whose record says a session should be live ({@code logged_in} or
     * {@code connecting}) without it being this worker's.
     */
    List<AccountId> liveElsewhereOrNowhere(Collection<AccountId> accounts, WorkerId worker) {
        if (accounts.isEmpty()) {
            return List.of();
        }
        Query query = Query.query(where("_id").in(accounts.stream().map(AccountId::value).toList())
                .and("status").in(SessionStatus.LOGGED_IN.wireName(), SessionStatus.CONNECTING.wireName())
                .and("owner").ne(worker.value()));
        query.fields().include("_id");
        return mongo.find(query, Document.class, COLLECTION).stream().map(doc -> AccountId.of(doc.getString("_id"))).toList();
    }

    private static Query fenced(AccountId account, long epoch) {
        return Query.query(fence(account, epoch));
    }

    /** The account's document, unless a lease newer than {@code epoch} has written it. */
    private static Criteria fence(AccountId account, long epoch) {
        return where("_id").is(account.value()).orOperator(where(EPOCH).is(null), where(EPOCH).lte(epoch));
    }
}
