package io.wafleet.session.connector.sandbox;

import io.wafleet.common.AccountId;
import io.wafleet.common.json.WafleetJson;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * {@code sandbox_messages}: {@code _id} = message id, {@code sender_account} (null for an outside
 * contact), {@code sender_phone}, {@code chat}, {@code recipient_account} (null outside the fleet),
 * {@code content} ({@code text}, {@code media}, {@code media_type}, {@code location}, {@code contact}, {@code poll},
 * {@code forwarded}), {@code sent_at}, {@code expires_at}, {@code revoked}, {@code deleted_for} and
 * {@code starred_by} (account ids). Expired documents are deleted by {@link #forgetExpired} and, on a
 * real MongoDB, by a TTL index on {@code expires_at}.
 */
final class MongoSandboxMessages implements SandboxMessages {

    static final String COLLECTION = "sandbox_messages";
    /** The files of the gateway's GridFS bucket {@code media}. */
    private static final String MEDIA_FILES = "media.files";
    private static final Logger log = LoggerFactory.getLogger(MongoSandboxMessages.class);

    private final MongoTemplate mongo;

    MongoSandboxMessages(MongoTemplate mongo) {
        this.mongo = mongo;
        try {
            mongo.indexOps(COLLECTION).createIndex(new Index().on("expires_at", Sort.Direction.ASC)
                    .named("expires_at_ttl").expire(Duration.ZERO));
        } catch (RuntimeException e) {
            log.warn("Could not create the TTL index of {} (pruning still deletes old messages): {}", COLLECTION, e.toString());
        }
    }

    @Override
    public void remember(CarriedMessage message, Instant keepUntil) {
        Document content = Document.parse(WafleetJson.mapper().writeValueAsString(message.content()));
        Update firstTimeOnly = new Update()
                .setOnInsert("sender_account", message.sender() == null ? null : message.sender().value())
                .setOnInsert("sender_phone", message.senderPhone())
                .setOnInsert("chat", message.chat())
                .setOnInsert("recipient_account", message.recipient() == null ? null : message.recipient().value())
                .setOnInsert("content", content)
                .setOnInsert("sent_at", Date.from(message.sentAt()))
                .setOnInsert("expires_at", Date.from(keepUntil))
                .setOnInsert("revoked", false)
                .setOnInsert("deleted_for", List.of())
                .setOnInsert("starred_by", List.of());
        mongo.upsert(byId(message.id()), firstTimeOnly, COLLECTION);
        if (message.recipient() != null && message.content().media() != null) {
            shareMedia(message.content().media().mediaId(), message.recipient());
        }
    }

    /**
     * Lets the fleet account a medium reached read it with its own key ({@code GET /media/{id}} on the
     * gateway reads {@code metadata.readers} of the stored file), as it would download it from WhatsApp.
     */
    private void shareMedia(String mediaId, AccountId reader) {
        if (mediaId != null && ObjectId.isValid(mediaId)) {
            mongo.updateFirst(Query.query(where("_id").is(new ObjectId(mediaId))),
                    new Update().addToSet("metadata.readers", reader.value()), MEDIA_FILES);
        }
    }

    @Override
    public Optional<CarriedMessage> find(String messageId, Instant now) {
        Query live = Query.query(where("_id").is(messageId).and("expires_at").gt(Date.from(now)));
        return Optional.ofNullable(mongo.findOne(live, Document.class, COLLECTION)).map(MongoSandboxMessages::message);
    }

    @Override
    public void revoke(String messageId) {
        mongo.updateFirst(byId(messageId), Update.update("revoked", true), COLLECTION);
    }

    @Override
    public void edit(String messageId, String text) {
        mongo.updateFirst(byId(messageId), Update.update("content.text", text), COLLECTION);
    }

    @Override
    public void star(String messageId, AccountId account, boolean starred) {
        Update update = starred ? new Update().addToSet("starred_by", account.value()) : new Update().pull("starred_by", account.value());
        mongo.updateFirst(byId(messageId), update, COLLECTION);
    }

    @Override
    public void deleteFor(String messageId, AccountId account) {
        mongo.updateFirst(byId(messageId), new Update().addToSet("deleted_for", account.value()), COLLECTION);
    }

    @Override
    public long forgetExpired(Instant now) {
        return mongo.remove(Query.query(where("expires_at").lte(Date.from(now))), COLLECTION).getDeletedCount();
    }

    private static Query byId(String messageId) {
        return Query.query(where("_id").is(messageId));
    }

    private static CarriedMessage message(Document doc) {
        Content content = WafleetJson.mapper().readValue(doc.get("content", Document.class).toJson(), Content.class);
        return new CarriedMessage(doc.getString("_id"), account(doc.getString("sender_account")), doc.getString("sender_phone"),
                doc.getString("chat"), account(doc.getString("recipient_account")), content,
                doc.getDate("sent_at").toInstant(), Boolean.TRUE.equals(doc.getBoolean("revoked")),
                new HashSet<>(doc.getList("deleted_for", String.class, List.of())),
                new HashSet<>(doc.getList("starred_by", String.class, List.of())));
    }

    private static AccountId account(String id) {
        return id == null ? null : AccountId.of(id);
    }
}
