package io.wafleet.session.connector.sandbox;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * {@code sandbox_groups}: {@code _id} = group id ({@code 120363...@g.us}), {@code subject}, {@code owner}
 * (the creator's phone number), {@code created_at}, {@code participants} (in the order they joined, each
 * {@code phone} and {@code role}: {@code superadmin}, {@code admin} or {@code member}) and {@code version}.
 */
final class MongoSandboxGroups implements SandboxGroupStore {

    static final String COLLECTION = "sandbox_groups";

    private final MongoTemplate mongo;

    MongoSandboxGroups(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<SandboxGroup> find(String groupId) {
        return Optional.ofNullable(mongo.findOne(byId(groupId), Document.class, COLLECTION)).map(MongoSandboxGroups::group);
    }

    @Override
    public boolean create(SandboxGroup group) {
        try {
            mongo.insert(new Document("_id", group.id()).append("subject", group.subject()).append("owner", group.owner())
                    .append("created_at", Date.from(group.createdAt())).append("participants", participants(group))
                    .append("version", group.version()), COLLECTION);
            return true;
        } catch (DuplicateKeyException exists) {
            return false;
        }
    }

    @Override
    public boolean update(SandboxGroup changed) {
        Query current = Query.query(where("_id").is(changed.id()).and("version").is(changed.version() - 1));
        Update update = new Update().set("participants", participants(changed)).set("version", changed.version());
        return mongo.updateFirst(current, update, COLLECTION).getModifiedCount() == 1;
    }

    private static List<Document> participants(SandboxGroup group) {
        return group.members().stream().map(member -> new Document("phone", member.phone())
                .append("role", member.role().name().toLowerCase(Locale.ROOT))).toList();
    }

    private static Query byId(String groupId) {
        return Query.query(where("_id").is(groupId));
    }

    private static SandboxGroup group(Document doc) {
        List<SandboxGroup.Member> members = doc.getList("participants", Document.class, List.of()).stream()
                .map(p -> new SandboxGroup.Member(p.getString("phone"),
                        SandboxGroup.Role.valueOf(p.getString("role").toUpperCase(Locale.ROOT))))
                .toList();
        Instant createdAt = doc.getDate("created_at").toInstant();
        return new SandboxGroup(doc.getString("_id"), doc.getString("subject"), doc.getString("owner"), createdAt, members,
                ((Number) doc.get("version")).longValue());
    }
}
