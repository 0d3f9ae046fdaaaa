package io.wafleet.session;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Look-ups by {@code _id} that every MongoDB-wire server answers from the {@code _id} index. */
public final class MongoIds {

    private MongoIds() {
    }

    /**
     * Whether the collection has a document with this {@code _id}. A {@code find} with a limit, not
     * {@link MongoTemplate#exists}: that counts with an aggregation, which the embedded MongoDB-wire
     * server runs over the whole collection (it applies a leading {@code $match} to every document
     * instead of using the index), under the collection's lock.
     */
    public static boolean exists(MongoTemplate mongo, String collection, String id) {
        Query query = Query.query(Criteria.where("_id").is(id)).limit(1);
        query.fields().include("_id");
        return mongo.findOne(query, Document.class, collection) != null;
    }
}
