package io.wafleet.session.connector.sandbox;

import io.wafleet.common.AccountId;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * {@code sandbox_connections} ({@code _id} = account id, {@code connection_id}, {@code worker},
 * {@code opened_at}, {@code expires_at}: live until then unless refreshed) and {@code sandbox_stats}
 * (one document, {@code _id: "network"}, with {@code conflicts}, {@code sends}, {@code deliveries},
 * each raised with {@code $inc}).
 */
final class MongoSandboxNetwork implements SandboxNetwork {

    static final String CONNECTIONS = "sandbox_connections";
    static final String STATS = "sandbox_stats";
    static final String STATS_ID = "network";

    private final MongoTemplate mongo;
    private final String worker;

    MongoSandboxNetwork(MongoTemplate mongo, String worker) {
        this.mongo = mongo;
        this.worker = worker;
    }

    @Override
    public Optional<String> register(AccountId account, String connectionId, Instant now, Instant liveUntil) {
        Update update = new Update().set("connection_id", connectionId).set("worker", worker)
                .set("opened_at", Date.from(now)).set("expires_at", Date.from(liveUntil));
        Document previous = upsert(Query.query(where("_id").is(account.value())), update);
        if (previous == null || connectionId.equals(previous.getString("connection_id"))) {
            return Optional.empty();
        }
        Date expires = previous.getDate("expires_at");
        return expires != null && expires.toInstant().isAfter(now)
                ? Optional.of(previous.getString("connection_id")) : Optional.empty();
    }

    @Override
    public void refresh(Collection<String> connectionIds, Instant liveUntil) {
        if (!connectionIds.isEmpty()) {
            mongo.updateMulti(Query.query(where("connection_id").in(connectionIds)),
                    new Update().set("expires_at", Date.from(liveUntil)), CONNECTIONS);
        }
    }

    @Override
    public Map<AccountId, String> registered(Collection<AccountId> accounts) {
        if (accounts.isEmpty()) {
            return Map.of();
        }
        Query query = Query.query(where("_id").in(accounts.stream().map(AccountId::value).toList()));
        query.fields().include("connection_id");
        return mongo.find(query, Document.class, CONNECTIONS).stream()
                .collect(Collectors.toMap(doc -> AccountId.of(doc.getString("_id")), doc -> doc.getString("connection_id")));
    }

    @Override
    public void unregister(AccountId account, String connectionId) {
        mongo.remove(Query.query(where("_id").is(account.value()).and("connection_id").is(connectionId)), CONNECTIONS);
    }

    @Override
    public void unregisterAll(Map<AccountId, String> connections) {
        if (!connections.isEmpty()) {
            mongo.remove(Query.query(where("connection_id").in(connections.values())), CONNECTIONS);
        }
    }

    @Override
    public void count(Counter counter) {
        Query network = Query.query(where("_id").is(STATS_ID));
        Update inc = new Update().inc(counter.field, 1L);
        try {
            mongo.upsert(network, inc, STATS);
        } catch (DuplicateKeyException createdMeanwhile) {
            mongo.updateFirst(network, inc, STATS);
        }
    }

    /** The document before the update; two workers creating it at once: the loser updates the winner's. */
    private Document upsert(Query query, Update update) {
        FindAndModifyOptions before = FindAndModifyOptions.options().upsert(true).returnNew(false);
        try {
            return mongo.findAndModify(query, update, before, Document.class, CONNECTIONS);
        } catch (DuplicateKeyException createdMeanwhile) {
            return mongo.findAndModify(query, update, before, Document.class, CONNECTIONS);
        }
    }
}
