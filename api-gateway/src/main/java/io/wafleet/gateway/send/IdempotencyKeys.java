package io.wafleet.gateway.send;

import io.wafleet.common.AccountId;
import io.wafleet.common.MessageIds;
import io.wafleet.gateway.web.ApiException;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Sends made once per {@code Idempotency-Key}, in {@code idempotency_keys}: one document per account
 * and key ({@code _id} = {@code <account>/<key>}) with the request's fingerprint, the message id it
 * was given and whether its command is published yet. The first request with a key claims it by
 * inserting that document, then publishes; a repeat of the same request answers the first one's
 * message id without publishing anything; the same key with a different request is refused (422);
 * a repeat while the first is still publishing gets 409, to retry. A claim whose publishing failed is
 * given back, so a retry publishes; one left by a gateway that died while publishing is taken over
 * after {@link #ABANDONED_AFTER}. A key is kept for {@link #KEPT}; after that it is a new key.
 */
@Component
public class IdempotencyKeys {

    public static final String COLLECTION = "idempotency_keys";
    public static final Duration KEPT = Duration.ofHours(24);
    static final Duration ABANDONED_AFTER = Duration.ofSeconds(30);
    private static final Pattern VALID = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final String PUBLISHING = "publishing";
    private static final String PUBLISHED = "published";

    /** An account's key, checked. */
    record Key(AccountId account, String value) {

        String id() {
            return account.value() + "/" + value;
        }
    }

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    @Autowired
    IdempotencyKeys(ReactiveMongoTemplate mongo) {
        this(mongo, Clock.systemUTC());
    }

    IdempotencyKeys(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** The header's key for the account, null without one; 400 for one that is empty, too long or not visible ASCII. */
    static Key parse(AccountId account, String header) {
        if (header == null) {
            return null;
        }
        if (!VALID.matcher(header).matches()) {
            throw ApiException.badRequest("Idempotency-Key must be 1 to 255 visible ASCII characters (no spaces)");
        }
        return new Key(account, header);
    }

    /** A fingerprint of a request's fields (null fields included), to tell a repeat from a different request. */
    static String fingerprint(Object... fields) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Object field : fields) {
                byte[] bytes = field instanceof byte[] raw ? raw : String.valueOf(field).getBytes(StandardCharsets.UTF_8);
                sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) ':');
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * {@code publish} with a new message id, unless the key was used before: then the first request's
     * message id (same fingerprint), or a refusal (different fingerprint, or the first still publishing).
     */
    Mono<String> once(Key key, String fingerprint, Function<String, Mono<Void>> publish) {
        return claimOrFind(key, fingerprint, publish, 2);
    }

    private Mono<String> claimOrFind(Key key, String fingerprint, Function<String, Mono<Void>> publish, int triesLeft) {
        String messageId = MessageIds.newMessageId();
        Instant now = clock.instant();
        Document claim = new Document("_id", key.id())
                .append("account_id", key.account().value())
                .append("fingerprint", fingerprint)
                .append("message_id", messageId)
                .append("state", PUBLISHING)
                .append("created_at", Date.from(now));
        return mongo.insert(claim, COLLECTION)
                .then(Mono.defer(() -> publish.apply(messageId)))
                .onErrorResume(failure -> failure instanceof DuplicateKeyException
                        ? Mono.error(failure)
                        : giveBack(key, messageId).then(Mono.error(failure)))
                .then(Mono.defer(() -> mongo.updateFirst(Query.query(where("_id").is(key.id()).and("message_id").is(messageId)),
                        Update.update("state", PUBLISHED), COLLECTION)))
                .thenReturn(messageId)
                .onErrorResume(DuplicateKeyException.class, taken -> earlier(key, fingerprint, publish, triesLeft, now));
    }

    private Mono<String> earlier(Key key, String fingerprint, Function<String, Mono<Void>> publish, int triesLeft, Instant now) {
        return mongo.findById(key.id(), Document.class, COLLECTION)
                .flatMap(first -> {
                    Instant createdAt = first.getDate("created_at").toInstant();
                    boolean expired = createdAt.isBefore(now.minus(KEPT));
                    boolean abandoned = PUBLISHING.equals(first.getString("state")) && createdAt.isBefore(now.minus(ABANDONED_AFTER));
                    if ((expired || abandoned) && triesLeft > 0) {
                        return remove(key, first.getString("message_id"))
                                .then(Mono.defer(() -> claimOrFind(key, fingerprint, publish, triesLeft - 1)));
                    }
                    if (!Objects.equals(first.getString("fingerprint"), fingerprint)) {
                        return Mono.error(new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "IDEMPOTENCY_KEY_REUSED", "Idempotency-Key '" + key.value()
                                + "' was already used for a different request of this account; use a new key for a new send"));
                    }
                    if (PUBLISHING.equals(first.getString("state"))) {
                        return Mono.error(ApiException.conflict("a request with Idempotency-Key '" + key.value()
                                + "' is still being processed; retry in a moment"));
                    }
                    return Mono.just(first.getString("message_id"));
                })
                // given back between our insert and our read: claim it again
                .switchIfEmpty(Mono.defer(() -> triesLeft > 0
                        ? claimOrFind(key, fingerprint, publish, triesLeft - 1)
                        : Mono.error(ApiException.conflict("a request with Idempotency-Key '" + key.value()
                                + "' is still being processed; retry in a moment"))));
    }

    /** Releases a claim whose publishing failed, so that a retry with the same key publishes. */
    private Mono<Void> giveBack(Key key, String messageId) {
        return remove(key, messageId).onErrorResume(ignored -> Mono.empty());
    }

    private Mono<Void> remove(Key key, String messageId) {
        return mongo.remove(Query.query(where("_id").is(key.id()).and("message_id").is(messageId)), COLLECTION).then();
    }
}
