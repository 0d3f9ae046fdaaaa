package io.wafleet.gateway.send;

import io.wafleet.common.AccountId;
import io.wafleet.gateway.auth.Access;
import io.wafleet.gateway.auth.Caller;
import io.wafleet.gateway.web.ApiException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /media/{media_id}}: the bytes of a stored media file, the {@code media_id} of a send's
 * command or of a received message's event. Served as an attachment with sniffing off, so a stored
 * document (which may be any file, HTML too) never runs as a page of the gateway's origin.
 */
@RestController
class MediaController {

    private final MediaStore media;

    MediaController(MediaStore media) {
        this.media = media;
    }

    @GetMapping("/media/{mediaId}")
    Mono<ResponseEntity<Flux<DataBuffer>>> get(@PathVariable String mediaId) {
        return media.find(mediaId)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("no media '" + mediaId + "'")))
                .flatMap(file -> Access.caller().flatMap(caller -> mayRead(caller, file) ? Mono.just(file)
                        : Mono.error(ApiException.forbidden("FORBIDDEN", "this API key may not read media '" + mediaId + "'"))))
                .map(file -> {
                    HttpHeaders headers = new HttpHeaders();
                    headers.setContentType(contentType(file.mimeType()));
                    headers.setContentLength(file.length());
                    headers.setContentDisposition(ContentDisposition.attachment().filename(file.fileName()).build());
                    headers.set("X-Content-Type-Options", "nosniff");
                    return ResponseEntity.ok().headers(headers).body(file.content());
                });
    }

    /** The sender's keys may read what it sent, and the keys of an account it reached what it received. */
    private static boolean mayRead(Caller caller, MediaStore.Stored file) {
        return caller.mayActOn(file.account()) || file.readers().stream()
                .anyMatch(reader -> AccountId.isValid(reader) && caller.mayActOn(AccountId.of(reader)));
    }

    private static MediaType contentType(String stored) {
        try {
            return stored == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(stored);
        } catch (IllegalArgumentException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }
}
