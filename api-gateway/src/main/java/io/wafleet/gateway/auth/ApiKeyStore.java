package io.wafleet.gateway.auth;

import io.wafleet.common.AccountId;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Tenant and account keys ({@code api_keys}): {@code _id} is the key's public id, {@code key_hash} the
 * SHA-256 of the whole key, which is never stored. A key reads {@code wfk_<id>_<secret>} with 256 random
 * bits of secret, so one hash (not a slow password hash) is enough to make a leaked collection useless.
 * Revoked keys stay, with {@code revoked_at}, so that the audit trail can name them.
 */
@Component
public class ApiKeyStore {

    static final String COLLECTION = "api_keys";
    private static final String PREFIX = "wfk_";
    private static final int ID_BYTES = 8;
    private static final int SECRET_BYTES = 32;

    private final ReactiveMongoTemplate mongo;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    ApiKeyStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A new key, returned whole this once; only its hash is kept. */
    Mono<IssuedKey> issue(String name, Caller.Scope scope, List<AccountId> accounts, Caller issuer) {
        String id = HexFormat.of().formatHex(bytes(ID_BYTES));
        String key = PREFIX + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(SECRET_BYTES));
        Document document = new Document("_id", id)
                .append("name", name)
                .append("scope", scope.wireName())
                .append("account_ids", accounts.stream().map(AccountId::value).toList())
                .append("key_hash", HexFormat.of().formatHex(sha256(key)))
                .append("created_at", Date.from(clock.instant()))
                .append("created_by", issuer.describe())
                .append("revoked_at", null);
        return mongo.insert(document, COLLECTION).map(saved -> new IssuedKey(key, KeyView.from(saved)));
    }

    /**
     * The caller a presented tenant or account key stands for; empty when it is unknown or revoked.
     *
     * @param presentedHash the key's {@link #sha256}
     */
    Mono<Caller> caller(String presented, byte[] presentedHash) {
        String id = idOf(presented);
        if (id == null) {
            return Mono.empty();
        }
        return mongo.findById(id, Document.class, COLLECTION)
                .filter(document -> document.get("revoked_at") == null)
                .filter(document -> MessageDigest.isEqual(presentedHash,
                        HexFormat.of().parseHex(document.getString("key_hash"))))
                .map(document -> {
                    KeyView view = KeyView.from(document);
                    return new Caller(view.keyId(), view.name(), Caller.Scope.of(view.scope()), Set.copyOf(view.accountIds()));
                });
    }

    Mono<KeyView> find(String id) {
        return mongo.findById(id, Document.class, COLLECTION).map(KeyView::from);
    }

    /** Every key, or (given accounts) those covering one of them; by id, revoked ones included. */
    Flux<KeyView> list(Set<String> coveringAny) {
        Query query = coveringAny == null ? new Query() : Query.query(where("account_ids").in(coveringAny));
        return mongo.find(query.with(Sort.by("_id")), Document.class, COLLECTION).map(KeyView::from);
    }

    /** Marks the key revoked (once: the first revocation's time stays); the key is refused from now on. */
    Mono<KeyView> revoke(String id) {
        Query unrevoked = Query.query(new Criteria().andOperator(where("_id").is(id), where("revoked_at").is(null)));
        return mongo.updateFirst(unrevoked, Update.update("revoked_at", Date.from(clock.instant())), COLLECTION)
                .then(find(id));
    }

    /** Revokes the account keys of an account that is deleted, so that a new account of that id starts clean. */
    public Mono<Long> revokeAccountKeys(AccountId account) {
        Query keys = Query.query(new Criteria().andOperator(where("scope").is(Caller.Scope.ACCOUNT.wireName()),
                where("account_ids").is(account.value()), where("revoked_at").is(null)));
        return mongo.updateMulti(keys, Update.update("revoked_at", Date.from(clock.instant())), COLLECTION)
                .map(result -> result.getModifiedCount());
    }

    /** The public id inside a key of ours, or null when the text is not shaped like one. */
    static String idOf(String presented) {
        int idLength = ID_BYTES * 2;
        if (!presented.startsWith(PREFIX) || presented.length() < PREFIX.length() + idLength + 2
                || presented.charAt(PREFIX.length() + idLength) != '_') {
            return null;
        }
        String id = presented.substring(PREFIX.length(), PREFIX.length() + idLength);
        return id.chars().allMatch(c -> Character.digit(c, 16) >= 0 && !Character.isUpperCase(c)) ? id : null;
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    /** A key as it is handed out: the only time the whole key is seen. */
    record IssuedKey(String key, KeyView view) {

        @Override
        public String toString() {
            return "IssuedKey[key=***, view=" + view + "]";
        }
    }
}
