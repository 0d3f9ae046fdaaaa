package io.wafleet.session.connector.cloudapi;

import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.MongoGridFSException;
import io.wafleet.common.command.MediaRef;
import io.wafleet.common.connector.ConnectorException;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.io.ByteArrayOutputStream;

/** The bytes of a send's media, from the GridFS bucket the gateway stored them in ({@code media}). */
class MediaFiles {

    private final GridFSBucket bucket;

    MediaFiles(MongoTemplate mongo, String bucketName) {
        this.bucket = GridFSBuckets.create(mongo.getDb(), bucketName);
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
