package io.wafleet.session.connector.cloudapi;

import io.wafleet.common.AccountId;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;

/**
 * {@code cloud_api_messages}: which {@code wamid} (Meta's message id) each message of a Cloud API account
 * has, so that receipts name the message by the id the fleet gave it, and replies, reactions and reads
 * name it by Meta's. A received message's id derives from its {@code wamid} (the same id when Meta sends
 * the webhook again), in the form the API accepts for message ids.
 */
class CloudMessageIds {

    static final String COLLECTION = "cloud_api_messages";

    private final MongoTemplate mongo;
    private final Clock clock;

    CloudMessageIds(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("account_id", Sort.Direction.ASC).on("wamid", Sort.Direction.ASC));
    }

    /** The id of a received message, remembered with its {@code wamid}. */
    String received(AccountId account, String wamid) {
        String id = derived(wamid);
        remember(account, id, wamid);
        return id;
    }

    /** The fleet's id of the message {@code wamid}: one it sent or received, else the id a received one would get. */
    String messageIdOf(AccountId account, String wamid) {
        Document found = mongo.findOne(Query.query(Criteria.where("account_id").is(account.value()).and("wamid").is(wamid)),
                Document.class, COLLECTION);
        return found == null ? derived(wamid) : found.getString("message_id");
    }

    /** Meta's id of the fleet's message {@code messageId}; the id itself when it is not known (it may be a wamid). */
    String wamidOf(AccountId account, String messageId) {
        Document found = mongo.findById(key(account, messageId), Document.class, COLLECTION);
        return found == null ? messageId : found.getString("wamid");
    }

    void remember(AccountId account, String messageId, String wamid) {
        mongo.upsert(Query.query(Criteria.where("_id").is(key(account, messageId))),
                new Update().set("account_id", account.value()).set("message_id", messageId).set("wamid", wamid)
                        .setOnInsert("created_at", clock.instant()),
                COLLECTION);
    }

    /** {@code CLD} and 29 hexadecimal digits of the {@code wamid}'s SHA-256. */
    static String derived(String wamid) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(wamid.getBytes(StandardCharsets.UTF_8));
            return "CLD" + HexFormat.of().formatHex(digest).substring(0, 29).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String key(AccountId account, String messageId) {
        return account.value() + "/" + messageId;
    }
}
