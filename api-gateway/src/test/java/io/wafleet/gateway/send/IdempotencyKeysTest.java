package io.wafleet.gateway.send;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.wafleet.common.AccountId;
import io.wafleet.gateway.web.ApiException;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What happens to a key whose first request did not end well: a failed publish, a gateway gone, an old key. */
class IdempotencyKeysTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private ReactiveMongoTemplate mongo;
    private IdempotencyKeys keys;
    private final List<String> published = new ArrayList<>();
    private final IdempotencyKeys.Key key = IdempotencyKeys.parse(AccountId.of("acc-1"), "order-7");

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        mongo = new ReactiveMongoTemplate(client, "wafleet");
        keys = new IdempotencyKeys(mongo, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private Mono<Void> publishing(String messageId) {
        return Mono.fromRunnable(() -> published.add(messageId));
    }

    @Test
    void aFailedPublishGivesTheKeyBackSoThatARetryPublishes() {
        assertThatThrownBy(() -> keys.once(key, "f", id -> Mono.error(ApiException.unavailable("Kafka is down"))).block())
                .isInstanceOf(ApiException.class);
        assertThat(mongo.findById(key.id(), Document.class, IdempotencyKeys.COLLECTION).block()).isNull();

        String messageId = keys.once(key, "f", this::publishing).block();
        assertThat(published).containsExactly(messageId);
        assertThat(keys.once(key, "f", this::publishing).block()).isEqualTo(messageId);
        assertThat(published).hasSize(1);
    }

    @Test
    void aClaimStillPublishingIsAConflictUntilItIsAbandoned() {
        insertClaim("publishing", NOW.minusSeconds(5), "3EB0AAAAAAAAAAAAAAAA");
        assertThatThrownBy(() -> keys.once(key, "f", this::publishing).block())
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(409));
        assertThat(published).isEmpty();

        mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(key.id())), IdempotencyKeys.COLLECTION).block();
        insertClaim("publishing", NOW.minus(IdempotencyKeys.ABANDONED_AFTER).minusSeconds(1), "3EB0BBBBBBBBBBBBBBBB");
        String messageId = keys.once(key, "f", this::publishing).block();
        assertThat(messageId).isNotEqualTo("3EB0BBBBBBBBBBBBBBBB");
        assertThat(published).containsExactly(messageId);
    }

    @Test
    void aKeyOlderThanItsLifeIsANewKey() {
        insertClaim("published", NOW.minus(IdempotencyKeys.KEPT).minusSeconds(1), "3EB0CCCCCCCCCCCCCCCC");
        String messageId = keys.once(key, "another request", this::publishing).block();
        assertThat(messageId).isNotEqualTo("3EB0CCCCCCCCCCCCCCCC");
        assertThat(published).containsExactly(messageId);

        insertOther();
        assertThat(keys.once(key, "another request", this::publishing).block()).isEqualTo(messageId);
    }

    @Test
    void fingerprintsTellFieldsApart() {
        assertThat(IdempotencyKeys.fingerprint("message", "62811", "ab", null))
                .isNotEqualTo(IdempotencyKeys.fingerprint("message", "6281", "1ab", null))
                .isEqualTo(IdempotencyKeys.fingerprint("message", "62811", "ab", null));
        assertThatThrownBy(() -> IdempotencyKeys.parse(AccountId.of("acc-1"), ""))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(400));
        assertThat(IdempotencyKeys.parse(AccountId.of("acc-1"), null)).isNull();
    }

    private void insertClaim(String state, Instant createdAt, String messageId) {
        mongo.insert(new Document("_id", key.id()).append("account_id", "acc-1").append("fingerprint", "f")
                .append("message_id", messageId).append("state", state).append("created_at", Date.from(createdAt)),
                IdempotencyKeys.COLLECTION).block();
    }

    /** Another account's key of the same name changes nothing. */
    private void insertOther() {
        mongo.insert(new Document("_id", "acc-2/order-7").append("account_id", "acc-2").append("fingerprint", "x")
                .append("message_id", "3EB0DDDDDDDDDDDDDDDD").append("state", "published")
                .append("created_at", Date.from(NOW)), IdempotencyKeys.COLLECTION).block();
    }
}
