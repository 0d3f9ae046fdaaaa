package io.wafleet.infra.backing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.bson.conversions.Bson;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.UUID;
import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded server's unique indexes also serve filters with more than their keys
 * ({@link HeapUniqueIndex}): the whole filter must still decide, exactly as a real MongoDB's.
 */
class EmbeddedMongoQueryTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"memory", "file"})
    void filtersWithAnIdAndMoreMatchOnTheWholeFilter(String kind) throws Exception {
        try (EmbeddedMongo server = new EmbeddedMongo(kind.equals("file") ? dir.resolve("mongo") : null,
                BackingServices.Ports.free().mongo()).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> leases = client.getDatabase(EmbeddedMongo.DATABASE).getCollection("leases");
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                docs.add(new Document("_id", "a" + i).append("owner", i % 2 == 0 ? "w1" : "w2").append("epoch", (long) i));
            }
            leases.insertMany(docs);

            Bson fencedOk = and(eq("_id", "a4"), or(eq("epoch", null), lte("epoch", 4L)));
            Bson fencedStale = and(eq("_id", "a4"), or(eq("epoch", null), lte("epoch", 3L)));
            assertThat(leases.updateOne(fencedOk, Updates.set("status", "logged_in")).getMatchedCount()).isEqualTo(1);
            assertThat(leases.updateOne(fencedStale, Updates.set("status", "stale")).getMatchedCount()).isZero();
            assertThat(leases.find(eq("_id", "a4")).first()).containsEntry("status", "logged_in");

            // an upsert whose filter misses an existing _id tries to insert it, as a real MongoDB does
            Document taken = leases.findOneAndUpdate(and(eq("_id", "a5"), eq("owner", "w2")), Updates.inc("epoch", 1L),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            assertThat(taken).containsEntry("epoch", 6L);
            assertThat(leases.find(and(eq("_id", "a6"), eq("owner", "w2"))).first()).isNull();

            Bson mineAmong = and(in("_id", "a1", "a2", "a3", "a8", "missing"), eq("owner", "w1"));
            assertThat(leases.updateMany(mineAmong, Updates.set("owner", null)).getModifiedCount()).isEqualTo(2);
            assertThat(leases.countDocuments(eq("owner", null))).isEqualTo(2);
            assertThat(leases.find(and(eq("_id", "a2"), eq("owner", null))).first()).isNotNull();
            assertThat(leases.countDocuments(Filters.gte("epoch", 40L))).isEqualTo(10);
        }
    }

    @Test
    void theFileBackendsIndexesAreRebuiltAtStart() throws Exception {
        int port = BackingServices.Ports.free().mongo();
        try (EmbeddedMongo server = new EmbeddedMongo(dir, port).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> accounts = client.getDatabase(EmbeddedMongo.DATABASE).getCollection("accounts");
            accounts.createIndex(Indexes.ascending("phone"), new IndexOptions().unique(true).sparse(true));
            accounts.insertOne(new Document("_id", "a1").append("phone", "6281"));
            accounts.insertOne(new Document("_id", "a2"));
        }
        try (EmbeddedMongo server = new EmbeddedMongo(dir, port).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> accounts = client.getDatabase(EmbeddedMongo.DATABASE).getCollection("accounts");

            assertThat(accounts.find(and(eq("_id", "a1"), eq("phone", "6281"))).first()).isNotNull();
            assertThatThrownBy(() -> accounts.insertOne(new Document("_id", "a1")))
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
            assertThatThrownBy(() -> accounts.insertOne(new Document("_id", "a3").append("phone", "6281")))
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
            accounts.insertOne(new Document("_id", "a3").append("phone", "6282"));
            assertThat(accounts.countDocuments()).isEqualTo(3);
        }
    }

    /**
     * Documents in the file are BSON ({@link BsonDocumentType}): every type a client writes comes back
     * the same after the server restarts, also from pages written out and read again.
     */
    @Test
    void theFileBackendKeepsEveryBsonTypeAcrossARestart() throws Exception {
        int port = BackingServices.Ports.free().mongo();
        ObjectId objectId = new ObjectId();
        UUID uuid = UUID.randomUUID();
        Date at = new Date(1_790_000_000_123L);
        Document rich = new Document("_id", objectId)
                .append("text", "héllo \u0000-free ✓")
                .append("int", 42).append("long", 1L << 40).append("double", 2.5)
                .append("decimal", new Decimal128(new BigDecimal("12345.6789")))
                .append("flag", true).append("nothing", null).append("at", at)
                .append("bytes", new Binary(new byte[]{0, 1, 2, (byte) 255})).append("uuid", uuid)
                .append("list", List.of(1, "two", new Document("three", 3L)))
                .append("nested", new Document("a", new Document("b", List.of())));
        try (EmbeddedMongo server = new EmbeddedMongo(dir, port).start();
             MongoClient client = MongoClients.create(MongoClientSettings.builder()
                     .applyConnectionString(new ConnectionString(server.connectionString()))
                     .uuidRepresentation(UuidRepresentation.STANDARD).build())) {
            MongoCollection<Document> things = client.getDatabase(EmbeddedMongo.DATABASE).getCollection("things");
            things.insertOne(rich);
            List<Document> many = new ArrayList<>();
            for (int i = 0; i < 5_000; i++) {
                many.add(new Document("_id", UUID.randomUUID().toString()).append("n", i).append("pad", "x".repeat(200)));
            }
            things.insertMany(many);
            things.updateMany(Filters.gte("n", 2_500), Updates.inc("n", 1));
        }
        // no document was written Java-serialised (which names its class in the file)
        assertThat(new String(Files.readAllBytes(dir.resolve("wafleet-bson.mv")), StandardCharsets.ISO_8859_1))
                .doesNotContain(de.bwaldvogel.mongo.bson.Document.class.getName());
        try (EmbeddedMongo server = new EmbeddedMongo(dir, port).start();
             MongoClient client = MongoClients.create(MongoClientSettings.builder()
                     .applyConnectionString(new ConnectionString(server.connectionString()))
                     .uuidRepresentation(UuidRepresentation.STANDARD).build())) {
            MongoCollection<Document> things = client.getDatabase(EmbeddedMongo.DATABASE).getCollection("things");
            assertThat(things.find(eq("_id", objectId)).first()).isEqualTo(rich);
            assertThat(things.countDocuments()).isEqualTo(5_001);
            assertThat(things.countDocuments(Filters.gt("n", 2_500))).isEqualTo(2_500);
        }
    }
}
