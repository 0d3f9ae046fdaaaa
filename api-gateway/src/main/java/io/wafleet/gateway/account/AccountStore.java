package io.wafleet.gateway.account;

import io.wafleet.common.AccountId;
import io.wafleet.gateway.auth.Access;
import io.wafleet.gateway.web.ApiException;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.Date;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The {@code accounts} collection: the gateway creates documents; session workers update them. */
@Component
public class AccountStore {

    static final String COLLECTION = "accounts";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock = Clock.systemUTC();

    AccountStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<AccountView> find(AccountId id) {
        return mongo.findById(id.value(), Document.class, COLLECTION).map(AccountView::from);
    }

    /**
     * The account, if the calling key may act on it (a 403 otherwise, asked first, so that a key learns
     * nothing of other accounts), or a 404 that names it. Every route that acts on an account goes
     * through here.
     */
    public Mono<AccountView> require(AccountId id) {
        return Access.actOn(id).then(find(id))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("account '" + id + "' does not exist")));
    }

    /**
     * The account, if it can send and act on messages: a 404 for an unknown account, a 409
     * {@code NOT_LOGGED_IN} when it has no linked device or was logged out from the phone.
     */
    public Mono<AccountView> requireSendable(AccountId id) {
        return require(id).flatMap(view -> view.canSend() ? Mono.just(view) : Mono.error(ApiException.notLoggedIn(
                "account '" + id + "' has no session to send from (status: " + view.status() + "); log it in first")));
    }

    /** The accounts the calling key may act on: all of them for the admin. */
    Flux<AccountView> findAll() {
        return Access.caller().flatMapMany(caller -> {
            Query query = caller.isAdmin() ? new Query() : Query.query(where("_id").in(caller.accounts()));
            return mongo.find(query.with(Sort.by("_id")), Document.class, COLLECTION);
        }).map(AccountView::from);
    }

    /**
     * Inserts a new account if the calling key may create it (403); a 409 when the id is taken (the
     * unique {@code _id} decides, not a prior read).
     */
    Mono<AccountView> create(AccountId id) {
        return Access.manage(id).then(Mono.defer(() -> insert(id)));
    }

    private Mono<AccountView> insert(AccountId id) {
        Date now = Date.from(clock.instant());
        Document account = new Document("_id", id.value())
                .append("status", "disconnected")
                .append("status_reason", null)
                .append("phone_number", "")
                .append("device_id", "")
                .append("created_at", now)
                .append("last_connected", null)
                .append("owner", "")
                .append("updated_at", now);
        return mongo.insert(account, COLLECTION)
                .map(AccountView::from)
                .onErrorMap(DuplicateKeyException.class,
                        e -> ApiException.conflict("account '" + id + "' already exists"));
    }
}
