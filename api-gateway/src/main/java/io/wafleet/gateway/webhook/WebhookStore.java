package io.wafleet.gateway.webhook;

import io.wafleet.common.AccountId;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Clock;
import java.util.Date;

/**
 * The {@code account_webhooks} collection, one document per account ({@code _id} = account id):
 * {@code webhook_url}, {@code webhook_secret}, and the optional policy fields {@code events},
 * {@code max_attempts} and {@code headers} (absent when not set).
 */
@Component
class WebhookStore {

    private static final String COLLECTION = "account_webhooks";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock = Clock.systemUTC();

    WebhookStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Replaces the account's webhook: policy fields not given are removed, meaning their defaults. */
    Mono<WebhookView> save(AccountId account, URI url, String secret, WebhookPolicy policy) {
        Document webhook = policy.appendTo(new Document("_id", account.value())
                .append("webhook_url", url.toString())
                .append("webhook_secret", secret))
                .append("updated_at", Date.from(clock.instant()));
        return mongo.save(webhook, COLLECTION).map(WebhookView::from);
    }

    Mono<WebhookView> find(AccountId account) {
        return mongo.findById(account.value(), Document.class, COLLECTION).map(WebhookView::from);
    }
}
