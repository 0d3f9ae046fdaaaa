package io.wafleet.gateway.webhook;

import io.wafleet.common.AccountId;
import io.wafleet.common.crypto.KeyRing;
import io.wafleet.common.crypto.SealedField;
import io.wafleet.common.crypto.SecretCipher;
import io.wafleet.gateway.GatewayProperties;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;

/**
 * The {@code account_webhooks} collection, one document per account ({@code _id} = account id):
 * {@code webhook_url}, {@code webhook_secret_sealed} (the secret sealed under the current master key,
 * {@link SealedField#WEBHOOK_SECRET}; never stored in plaintext), and the optional policy fields
 * {@code events}, {@code max_attempts} and {@code headers} (absent when not set). Documents written
 * before secrets were sealed hold {@code webhook_secret} in plaintext until a save, a webhook worker's
 * read or {@code wafleet.jar rekey} seals it.
 */
@Component
class WebhookStore {

    private static final SealedField SECRET = SealedField.WEBHOOK_SECRET;

    private final ReactiveMongoTemplate mongo;
    private final SecretCipher cipher;
    private final Clock clock = Clock.systemUTC();

    @Autowired
    WebhookStore(ReactiveMongoTemplate mongo, GatewayProperties properties) {
        this(mongo, new SecretCipher(KeyRing.load(properties.credentials())));
    }

    WebhookStore(ReactiveMongoTemplate mongo, SecretCipher cipher) {
        this.mongo = mongo;
        this.cipher = cipher;
    }

    /** Replaces the account's webhook: policy fields not given are removed, meaning their defaults. */
    Mono<WebhookView> save(AccountId account, URI url, String secret, WebhookPolicy policy) {
        Document webhook = policy.appendTo(new Document("_id", account.value())
                .append("webhook_url", url.toString())
                .append(SECRET.field(), new Binary(seal(account, secret))))
                .append("updated_at", Date.from(clock.instant()));
        return mongo.save(webhook, SECRET.collection()).map(WebhookView::from);
    }

    Mono<WebhookView> find(AccountId account) {
        return mongo.findById(account.value(), Document.class, SECRET.collection()).map(WebhookView::from);
    }

    private byte[] seal(AccountId account, String secret) {
        return cipher.seal(secret.getBytes(StandardCharsets.UTF_8), SECRET.associatedData(account.value()));
    }
}
