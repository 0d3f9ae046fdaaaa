package io.wafleet.gateway.qr;

import io.wafleet.gateway.web.ApiException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@RestController
class QrController {

    private final QrStore store;

    QrController(QrStore store) {
        this.store = store;
    }

    @GetMapping("/qr/{token}.png")
    Mono<ResponseEntity<byte[]>> png(@PathVariable String token) {
        return store.find(token)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound(
                        "this QR code does not exist or has expired; start a new login")))
                .publishOn(Schedulers.boundedElastic())
                .map(QrRenderer::png)
                .map(png -> ResponseEntity.ok()
                        .contentType(MediaType.IMAGE_PNG)
                        .cacheControl(CacheControl.noStore())
                        .body(png));
    }
}
