package io.wafleet.gateway.account;

import io.wafleet.common.AccountId;
import io.wafleet.common.MessageIds;
import io.wafleet.common.command.Command;
import io.wafleet.common.command.DeleteAccount;
import io.wafleet.gateway.auth.ApiKeyStore;
import io.wafleet.gateway.kafka.CommandPublisher;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Deletes an account and everything it owns (as the seed's {@code ON DELETE CASCADE}; its account keys
 * are revoked), then tells the owning session worker to log the session out and the workers to drop
 * their caches.
 */
@Service
class AccountDeletion {

    private final ReactiveMongoTemplate mongo;
    private final ReactiveGridFsTemplate media;
    private final CommandPublisher publisher;
    private final ApiKeyStore keys;

    AccountDeletion(ReactiveMongoTemplate mongo, ReactiveGridFsTemplate media, CommandPublisher publisher, ApiKeyStore keys) {
        this.mongo = mongo;
        this.media = media;
        this.publisher = publisher;
        this.keys = keys;
    }

    Mono<Void> delete(AccountId id) {
        String value = id.value();
        // The command goes first, so the owning worker logs the device out even if a removal below
        // fails; the stored login stays for that worker to use and delete. The account document goes
        // last: if anything before fails, a retried DELETE still finds it.
        Mono<Void> owned = Mono.when(
                keys.revokeAccountKeys(id),
                mongo.remove(byId(value), "account_webhooks"),
                mongo.remove(Query.query(where("account_id").is(value)), "messages"),
                mongo.remove(Query.query(where("account_id").is(value)), "message_actions"),
                mongo.remove(Query.query(where("account_id").is(value)), "cloud_api_messages"),
                mongo.remove(Query.query(where("account_id").is(value)), "login_qr"),
                mongo.remove(Query.query(where("account_id").is(value)), "webhook_deliveries"),
                mongo.remove(Query.query(where("account_id").is(value)), "idempotency_keys"),
                media.delete(Query.query(where("metadata.account_id").is(value))));
        return publisher.publish(new DeleteAccount(MessageIds.newCommandId(), id, Command.SCHEMA_VERSION))
                .then(owned)
                .then(mongo.remove(byId(value), AccountStore.COLLECTION))
                .then(publisher.configChanged(id, true));
    }

    private static Query byId(String id) {
        return Query.query(where("_id").is(id));
    }
}
