package io.wafleet.webhook.endpoint;

import io.wafleet.common.AccountId;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Reads an account's own webhook from {@code account_webhooks} ({@code _id} = account id), written by the gateway. */
@Component
class AccountWebhookStore {

    static final String COLLECTION = "account_webhooks";

    private final ReactiveMongoTemplate mongo;

    AccountWebhookStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The account's webhook, or empty when it has none (or only half of one). */
    Mono<Endpoint> find(AccountId accountId) {
        Query byId = Query.query(Criteria.where("_id").is(accountId.value()));
        return mongo.findOne(byId, Document.class, COLLECTION)
                .filter(doc -> hasText(doc.getString("webhook_url")))
                .map(doc -> new Endpoint(doc.getString("webhook_url"), secretOf(doc)));
    }

    private static String secretOf(Document doc) {
        String secret = doc.getString("webhook_secret");
        return secret == null ? "" : secret;
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
