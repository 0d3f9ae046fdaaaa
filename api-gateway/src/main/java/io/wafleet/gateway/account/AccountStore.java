package io.wafleet.gateway.account;

import io.wafleet.common.AccountId;
import io.wafleet.common.connector.CloudApiSettings;
import io.wafleet.gateway.auth.Access;
import io.wafleet.gateway.web.ApiException;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.Date;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The {@code accounts} collection: the gateway creates documents; session workers update them. Besides
 * the session's state, a document holds what the account was created with: {@code transport},
 * {@code proxy} (without user and password, or null), {@code cloud_api: {phone_number_id}} (Cloud API
 * accounts) and {@code transport_secrets} (sealed by {@link TransportSecrets}; absent when there is no
 * secret).
 */
@Component
public class AccountStore {

    static final String COLLECTION = "accounts";

    private final ReactiveMongoTemplate mongo;
    private final TransportSecrets secrets;
    private final Clock clock = Clock.systemUTC();

    AccountStore(ReactiveMongoTemplate mongo, TransportSecrets secrets) {
        this.mongo = mongo;
        this.secrets = secrets;
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
    Mono<AccountView> create(AccountId id, AccountSettings settings) {
        return Access.manage(id).then(Mono.defer(() -> insert(id, settings)));
    }

    /**
     * The Cloud API settings of a {@code cloud_api} account, its secrets opened; empty for an unknown
     * account or one of another transport. Only for the gateway's own checks (Meta's webhook): never shown.
     */
    public Mono<CloudApiSettings> cloudApiSettings(AccountId id) {
        return mongo.findById(id.value(), Document.class, COLLECTION)
                .filter(document -> Transport.stored(document.get("transport")) == Transport.CLOUD_API)
                .map(document -> {
                    Map<String, String> opened = secrets.open(id, document.get(TransportSecrets.field()));
                    Document cloudApi = document.get("cloud_api", Document.class);
                    return new CloudApiSettings(cloudApi == null ? null : cloudApi.getString("phone_number_id"),
                            opened.get(TransportSecrets.ACCESS_TOKEN), opened.get(TransportSecrets.APP_SECRET),
                            opened.get(TransportSecrets.VERIFY_TOKEN));
                });
    }

    /**
     * Replaces a Cloud API account's access token (a rotation): its {@code transport_secrets} are sealed
     * again with the new token and the other secrets kept.
     */
    public Mono<Void> replaceAccessToken(AccountId id, String accessToken) {
        return mongo.findById(id.value(), Document.class, COLLECTION)
                .flatMap(document -> {
                    Map<String, String> opened = secrets.open(id, document.get(TransportSecrets.field()));
                    opened.put(TransportSecrets.ACCESS_TOKEN, accessToken);
                    Update update = new Update().set(TransportSecrets.field(), secrets.seal(id, opened))
                            .set("updated_at", Date.from(clock.instant()));
                    return mongo.updateFirst(Query.query(where("_id").is(id.value())), update, COLLECTION);
                })
                .then();
    }

    private Mono<AccountView> insert(AccountId id, AccountSettings settings) {
        Date now = Date.from(clock.instant());
        Document account = new Document("_id", id.value())
                .append("status", "disconnected")
                .append("status_reason", null)
                .append("phone_number", "")
                .append("device_id", "")
                .append("created_at", now)
                .append("last_connected", null)
                .append("owner", "")
                .append("updated_at", now)
                .append("transport", settings.transport().wireName())
                .append("proxy", settings.publicProxy());
        if (settings.cloudApi() != null) {
            account.append("cloud_api", new Document("phone_number_id", settings.cloudApi().phoneNumberId()));
        }
        Map<String, String> sealed = settings.secrets();
        if (!sealed.isEmpty()) {
            account.append(TransportSecrets.field(), secrets.seal(id, sealed));
        }
        return mongo.insert(account, COLLECTION)
                .map(AccountView::from)
                .onErrorMap(DuplicateKeyException.class,
                        e -> ApiException.conflict("account '" + id + "' already exists"));
    }
}
