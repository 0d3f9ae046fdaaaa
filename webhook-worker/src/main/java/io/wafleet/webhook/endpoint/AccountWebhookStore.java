package io.wafleet.webhook.endpoint;

import io.wafleet.common.AccountId;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * the gateway: {@code webhook_url}, {@code webhook_secret} and the optional policy {@code events}
 * (event type names; absent or null = all), {@code max_attempts} and {@code headers} (string to string).
 * A policy field of the wrong shape is ignored with a warning, so the events still go out.
 */
@Component
class AccountWebhookStore {

    static final String COLLECTION = "account_webhooks";

    private static final Logger log = LoggerFactory.getLogger(AccountWebhookStore.class);

    private final ReactiveMongoTemplate mongo;

    AccountWebhookStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The account's webhook, or empty when it has none (or only half of one). */
    Mono<Endpoint> find(AccountId accountId) {
        Query byId = Query.query(Criteria.where("_id").is(accountId.value()));
        return mongo.findOne(byId, Document.class, COLLECTION)
                .filter(doc -> hasText(doc.getString("webhook_url")))
                .map(AccountWebhookStore::endpoint);
    }

    private static Endpoint endpoint(Document doc) {
        String secret = doc.getString("webhook_secret");
        return new Endpoint(doc.getString("webhook_url"), secret == null ? "" : secret,
                events(doc), maxAttempts(doc), headers(doc));
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
