package io.wafleet.gateway.qr;

import io.wafleet.common.AccountId;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/** The {@code login_qr} collection: {@code _id} = random token, {@code account_id}, {@code qr_code}, {@code expires_at}. */
@Component
public class QrStore {

    private static final String COLLECTION = "login_qr";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ReactiveMongoTemplate mongo;
    private final Clock clock = Clock.systemUTC();

    QrStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Keeps the QR text for {@code validFor} and answers the token of its PNG URL. */
    public Mono<String> save(AccountId account, String qrCode, Duration validFor) {
        String token = newToken();
        Document qr = new Document("_id", token)
                .append("account_id", account.value())
                .append("qr_code", qrCode)
                .append("expires_at", Date.from(clock.instant().plus(validFor)));
        return mongo.insert(qr, COLLECTION).thenReturn(token);
    }

    /** The QR text of an unexpired token; checked here because the embedded server ignores TTL indexes. */
    Mono<String> find(String token) {
        Instant now = clock.instant();
        return mongo.findById(token, Document.class, COLLECTION)
                .filter(qr -> qr.getDate("expires_at") != null && qr.getDate("expires_at").toInstant().isAfter(now))
                .map(qr -> qr.getString("qr_code"));
    }

    private static String newToken() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
