package io.wafleet.webhook.delivery;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;

import java.net.InetSocketAddress;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The batched delivery log against a MongoDB-wire server: far more writes at once than a batch holds. */
class DeliveryLogWriterIT {

    private static final MongoServer SERVER = new MongoServer(new MemoryBackend());
    private static final InetSocketAddress ADDRESS = SERVER.bind();
    private static final MongoClient CLIENT = MongoClients.create("mongodb://127.0.0.1:" + ADDRESS.getPort());
    private static final ReactiveMongoTemplate MONGO = new ReactiveMongoTemplate(CLIENT, "wafleet");

    private final DeliveryLogWriter writer = new DeliveryLogWriter(MONGO);

    @AfterAll
    static void stop() {
        CLIENT.close();
        SERVER.shutdownNow();
    }

    @Test
    void everyOneOfManyConcurrentWritesIsStoredAndAcknowledged() {
        int records = DeliveryLogWriter.MAX_BATCH * 8 + 7;

        Long acknowledged = Flux.range(0, records)
                .flatMap(i -> writer.upsert(Query.query(Criteria.where("_id").is("event-" + i)),
                                new Update().set("outcome", "delivered").inc("attempts", 1)
                                        .push("attempt_log").slice(-DeliveryStore.ATTEMPTS_KEPT).each(new Document("status_code", 200)))
                        .thenReturn(i), records)
                .count()
                .block(Duration.ofSeconds(60));

        assertThat(acknowledged).isEqualTo(records);
        assertThat(MONGO.count(new Query(), DeliveryStore.DELIVERIES).block()).isEqualTo(records);
        Document one = MONGO.findById("event-17", Document.class, DeliveryStore.DELIVERIES).block();
        assertThat(one.getInteger("attempts")).isEqualTo(1);
        assertThat(one.getList("attempt_log", Document.class)).extracting(entry -> entry.get("status_code")).containsExactly(200);
    }

    @Test
    void theAttemptLogKeepsOnlyTheLatestAttempts() {
        for (int attempt = 1; attempt <= DeliveryStore.ATTEMPTS_KEPT + 5; attempt++) {
            writer.upsert(Query.query(Criteria.where("_id").is("retried")), new Update().inc("attempts", 1)
                            .push("attempt_log").slice(-DeliveryStore.ATTEMPTS_KEPT).each(new Document("n", attempt)))
                    .block(Duration.ofSeconds(10));
        }

        Document retried = MONGO.findById("retried", Document.class, DeliveryStore.DELIVERIES).block();
        assertThat(retried.getInteger("attempts")).isEqualTo(DeliveryStore.ATTEMPTS_KEPT + 5);
        assertThat(retried.getList("attempt_log", Document.class)).hasSize(DeliveryStore.ATTEMPTS_KEPT)
                .first().satisfies(oldest -> assertThat(oldest.getInteger("n")).isEqualTo(6));
    }
}
