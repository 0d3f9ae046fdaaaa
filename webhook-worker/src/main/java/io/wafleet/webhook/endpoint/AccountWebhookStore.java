package io.wafleet.webhook.endpoint;

import io.wafleet.common.AccountId;
import io.wafleet.common.crypto.KeyRing;
import io.wafleet.common.crypto.SealedField;
import io.wafleet.common.crypto.SecretCipher;
import io.wafleet.webhook.WebhookWorkerProperties;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an account's own webhook from {@code account_webhooks} ({@code _id} = account id), written by
 * the gateway: {@code webhook_url}, the secret ({@link WebhookSecrets}) and the optional policy {@code events}
 * (event type names; absent or null = all), {@code max_attempts} and {@code headers} (string to string).
 * A policy field of the wrong shape is ignored with a warning, so the events still go out.
 */
@Component
class AccountWebhookStore {

    static final String COLLECTION = SealedField.WEBHOOK_SECRET.collection();

    private static final Logger log = LoggerFactory.getLogger(AccountWebhookStore.class);

    private final ReactiveMongoTemplate mongo;
    private final WebhookSecrets secrets;

    @Autowired
    AccountWebhookStore(ReactiveMongoTemplate mongo, WebhookWorkerProperties properties) {
        this(mongo, new SecretCipher(KeyRing.load(properties.credentials())));
    }

    AccountWebhookStore(ReactiveMongoTemplate mongo, SecretCipher cipher) {
        this.mongo = mongo;
        this.secrets = new WebhookSecrets(mongo, cipher);
    }

    /** The account's webhook, or empty when it has none (or only half of one). */
    Mono<Endpoint> find(AccountId accountId) {
        Query byId = Query.query(Criteria.where("_id").is(accountId.value()));
        return mongo.findOne(byId, Document.class, COLLECTION)
                .filter(doc -> hasText(doc.getString("webhook_url")))
                .flatMap(doc -> {
                    String secret = secrets.open(accountId, doc);
                    return secrets.sealAgainIfStale(accountId, doc, secret).thenReturn(endpoint(doc, secret));
                });
    }

    private static Endpoint endpoint(Document doc, String secret) {
        return new Endpoint(doc.getString("webhook_url"), secret, events(doc), maxAttempts(doc), headers(doc));
    }

    private static Set<String> events(Document doc) {
        if (!(doc.get("events") instanceof List<?> list)) {
            warnIfPresent(doc, "events");
            return null;
        }
        Set<String> events = new LinkedHashSet<>();
        list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(events::add);
        return events;
    }

    private static Integer maxAttempts(Document doc) {
        if (doc.get("max_attempts") instanceof Number number && number.intValue() >= 1) {
            return number.intValue();
        }
        warnIfPresent(doc, "max_attempts");
        return null;
    }

    private static Map<String, String> headers(Document doc) {
        if (!(doc.get("headers") instanceof Document headers)) {
            warnIfPresent(doc, "headers");
            return Map.of();
        }
        Map<String, String> strings = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (value instanceof String text) {
                strings.put(name, text);
            }
        });
        return strings;
    }

    private static void warnIfPresent(Document doc, String field) {
        if (doc.get(field) != null) {
            log.warn("Ignored the webhook policy field {} of account {}: unexpected {}", field, doc.get("_id"),
                    doc.get(field).getClass().getSimpleName());
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
