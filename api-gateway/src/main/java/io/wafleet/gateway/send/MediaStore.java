package io.wafleet.gateway.send;

import io.wafleet.common.AccountId;
import io.wafleet.common.command.MediaRef;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Media of sends (images, files, videos, audio, stickers) in the GridFS bucket {@code media}
 * ({@code spring.data.mongodb.gridfs.bucket}), tagged with their account.
 */
@Component
class MediaStore {

    private final ReactiveGridFsTemplate gridFs;

    MediaStore(ReactiveGridFsTemplate gridFs) {
        this.gridFs = gridFs;
    }

    Mono<MediaRef> store(AccountId account, SendService.MediaBytes media) {
        Document metadata = new Document("account_id", account.value()).append("mime_type", media.mimeType());
        return gridFs.store(Mono.just(DefaultDataBufferFactory.sharedInstance.wrap(media.bytes())),
                        media.fileName(), media.mimeType(), metadata)
                .map(id -> media.ref(id.toHexString()));
    }

    /**
     * A stored file: whose it is, the accounts it reached that may read it too ({@code metadata.readers},
     * kept by whoever delivers it), its type (as detected when stored), name, length, and its bytes to stream.
     */
    record Stored(AccountId account, List<String> readers, String mimeType, String fileName, long length,
                  Flux<DataBuffer> content) {
    }

    /** The stored media with this id, empty when there is none (or the id cannot be one). */
    Mono<Stored> find(String mediaId) {
        if (!ObjectId.isValid(mediaId)) {
            return Mono.empty();
        }
        return gridFs.findOne(Query.query(Criteria.where("_id").is(new ObjectId(mediaId))))
                .filter(file -> file.getMetadata() != null && AccountId.isValid(file.getMetadata().getString("account_id")))
                .flatMap(file -> gridFs.getResource(file).map(resource -> new Stored(
                        AccountId.of(file.getMetadata().getString("account_id")),
                        file.getMetadata().getList("readers", String.class, List.of()), file.getMetadata().getString("mime_type"),
                        file.getFilename(), file.getLength(), resource.getDownloadStream())));
    }
}
