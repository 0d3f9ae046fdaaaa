package io.wafleet.session.session;

import io.wafleet.common.AccountId;
import io.wafleet.common.connector.SessionStatus;
import io.wafleet.common.event.SessionStatusChanged;
import io.wafleet.session.WorkerId;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * The session worker's writes to {@code accounts}: single-document updates, never upserts, so an
 * account the gateway deleted stays deleted.
 */
@Component
class AccountStore {

    private static final String COLLECTION = "accounts";

    private final MongoTemplate mongo;
    private final Clock clock;

    AccountStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Records a status change; {@code forgetDevice} clears the linked device (logout). */
    void statusChanged(AccountId account, SessionStatusChanged change, boolean forgetDevice) {
        Instant now = clock.instant();
        Update update = new Update()
                .set("status", change.status().wireName())
                .set("status_reason", change.reason())
                .set("owner", change.owner())
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
        mongo.updateFirst(Query.query(Criteria.where("_id").is(account.value())), update, COLLECTION);
    }

    /** This worker no longer holds the account (revocation); a newer owner's mark is left alone. */
    void releaseOwner(AccountId account, WorkerId worker) {
        Query mine = Query.query(Criteria.where("_id").is(account.value()).and("owner").is(worker.value()));
        mongo.updateFirst(mine, new Update().set("owner", null).set("updated_at", clock.instant()), COLLECTION);
    }
}
