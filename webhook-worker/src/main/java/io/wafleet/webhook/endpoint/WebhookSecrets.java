package io.wafleet.webhook.endpoint;

import io.wafleet.common.AccountId;
import io.wafleet.common.crypto.SealedField;
import io.wafleet.common.crypto.SecretCipher;
import io.wafleet.common.crypto.SecretUnreadableException;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;

/**
 * An account webhook's secret as stored by the gateway: sealed in {@code webhook_secret_sealed}, or,
 * in a document written before secrets were sealed, in plaintext in {@code webhook_secret}. A secret
 * that is plaintext or sealed under an earlier master key is sealed again under the current key once
 * read, unless the gateway replaced the webhook meanwhile. Never logs a secret.
 */
final class WebhookSecrets {

    private static final Logger log = LoggerFactory.getLogger(WebhookSecrets.class);
    private static final SealedField SECRET = SealedField.WEBHOOK_SECRET;

    private final ReactiveMongoTemplate mongo;
    private final SecretCipher cipher;

    WebhookSecrets(ReactiveMongoTemplate mongo, SecretCipher cipher) {
        this.mongo = mongo;
        this.cipher = cipher;
    }

    /**
     * The webhook's secret ({@code ""} when it has none).
     *
     * @throws WebhookSecretUnreadableException if it was sealed under a master key this worker does not have, or altered
     */
    String open(AccountId account, Document webhook) {
        if (webhook.get(SECRET.field()) instanceof Binary sealed) {
            try {
                return new String(cipher.open(sealed.getData(), boundTo(account)), StandardCharsets.UTF_8);
            } catch (SecretUnreadableException e) {
                throw new WebhookSecretUnreadableException("the webhook secret of account " + account + " is " + e.getMessage());
            }
        }
        return webhook.get(SECRET.plaintextField()) instanceof String plain ? plain : "";
    }

    /** Seals the secret again under the current key if it is plaintext or under an earlier key; a failure is only logged. */
    Mono<Void> sealAgainIfStale(AccountId account, Document webhook, String secret) {
        Criteria unchanged = Criteria.where("_id").is(account.value());
        Update update = Update.update(SECRET.field(), new Binary(cipher.seal(secret.getBytes(StandardCharsets.UTF_8), boundTo(account))));
        if (webhook.get(SECRET.field()) instanceof Binary sealed) {
            if (cipher.isCurrent(sealed.getData())) {
                return Mono.empty();
            }
            unchanged = unchanged.and(SECRET.field()).is(sealed);
        } else if (webhook.get(SECRET.plaintextField()) instanceof String plain && !plain.isEmpty()) {
            unchanged = unchanged.and(SECRET.plaintextField()).is(plain);
            update = update.unset(SECRET.plaintextField());
        } else {
            return Mono.empty();
        }
        return mongo.updateFirst(Query.query(unchanged), update, SECRET.collection())
                .doOnNext(result -> {
                    if (result.getModifiedCount() > 0) {
                        log.info("Sealed the webhook secret of account {} under master key {}", account,
                                cipher.keys().current().id());
                    }
                })
                .onErrorResume(e -> {
                    log.warn("Could not seal the webhook secret of account {} again (next read tries again): {}",
                            account, e.toString());
                    return Mono.empty();
                })
                .then();
    }

    private static String boundTo(AccountId account) {
        return SECRET.associatedData(account.value());
    }
}
