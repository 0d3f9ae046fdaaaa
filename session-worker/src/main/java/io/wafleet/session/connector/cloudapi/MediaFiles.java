package io.wafleet.session.connector.cloudapi;

import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.MongoGridFSException;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import io.wafleet.common.AccountId;
import io.wafleet.common.command.MediaRef;
import io.wafleet.common.connector.ConnectorException;
import org.bson.BsonObjectId;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Media files in the GridFS bucket the gateway keeps them in ({@code media}): the bytes of a send's media,
 * and received media stored for {@code GET /media/{media_id}} under the account, with the metadata the
 * gateway reads ({@code account_id}, {@code mime_type}).
 */
class MediaFiles {

    private final GridFSBucket bucket;

    MediaFiles(MongoTemplate mongo, String bucketName) {
        this.bucket = GridFSBuckets.create(mongo.getDb(), bucketName);
    }

    /**
     * Stores a received file once: its id derives from the account and Meta's media id, so a webhook Meta
     * sends again finds the file stored the first time. Answers the stored file's id.
     */
    String storeReceived(AccountId account, String metaMediaId, byte[] bytes, String mimeType, String fileName) {
        ObjectId id = receivedId(account, metaMediaId);
        if (bucket.find(Filters.eq("_id", id)).first() == null) {
            bucket.uploadFromStream(new BsonObjectId(id), fileName == null ? metaMediaId : fileName, new ByteArrayInputStream(bytes),
                    new GridFSUploadOptions().metadata(new Document("account_id", account.value()).append("mime_type", mimeType)));
        }
        return id.toHexString();
    }

    static ObjectId receivedId(AccountId account, String metaMediaId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((account.value() + "/" + metaMediaId).getBytes(StandardCharsets.UTF_8));
            return new ObjectId(Arrays.copyOf(digest, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    byte[] read(MediaRef media) {
        if (!ObjectId.isValid(media.mediaId())) {
            throw new ConnectorException("media_not_found", "media " + media.mediaId() + " is not stored");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) Math.min(media.size(), Integer.MAX_VALUE - 8));
        try {
            bucket.downloadToStream(new ObjectId(media.mediaId()), bytes);
        } catch (MongoGridFSException e) {
            throw new ConnectorException("media_not_found", "media " + media.mediaId() + " is no longer stored");
        }
        return bytes.toByteArray();
    }
}
