package io.wafleet.gateway.send;

import io.wafleet.common.AccountId;
import io.wafleet.common.command.MediaRef;
import org.bson.Document;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Images in the GridFS bucket {@code media} ({@code spring.data.mongodb.gridfs.bucket}), tagged with their account. */
@Component
class MediaStore {

    private final ReactiveGridFsTemplate gridFs;

    MediaStore(ReactiveGridFsTemplate gridFs) {
        this.gridFs = gridFs;
    }

    Mono<MediaRef> store(AccountId account, SendService.ImageBytes image) {
        Document metadata = new Document("account_id", account.value()).append("mime_type", image.mimeType());
        return gridFs.store(Mono.just(DefaultDataBufferFactory.sharedInstance.wrap(image.bytes())),
                        image.fileName(), image.mimeType(), metadata)
                .map(id -> image.ref(id.toHexString()));
    }
}
