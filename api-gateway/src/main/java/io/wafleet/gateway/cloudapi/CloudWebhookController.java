package io.wafleet.gateway.cloudapi;

import io.wafleet.gateway.web.Envelope;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * The Cloud API webhook Meta calls for an account (set as the app's callback URL, with the account's
 * verify token). The notification's body is read as raw bytes, never re-serialized: its signature is
 * over those bytes, and they are what the session worker reads.
 */
@RestController
@RequestMapping("/cloud-api/{id}/webhook")
class CloudWebhookController {

    /** Meta's notifications are small: over 1 MiB (Spring's megabyte is 1,048,576 bytes) the answer is 413. */
    static final int MAX_BODY = (int) DataSize.ofMegabytes(1).toBytes();

    private final CloudWebhookService webhooks;

    CloudWebhookController(CloudWebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping
    Mono<ResponseEntity<String>> verify(@PathVariable String id,
                                        @RequestParam(name = "hub.mode", required = false) String mode,
                                        @RequestParam(name = "hub.verify_token", required = false) String verifyToken,
                                        @RequestParam(name = "hub.challenge", required = false) String challenge) {
        return webhooks.verify(id, mode, verifyToken, challenge)
                .map(answer -> ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).cacheControl(CacheControl.noStore())
                        .header("X-Content-Type-Options", "nosniff").body(answer));
    }

    @PostMapping
    Mono<ResponseEntity<Envelope>> receive(@PathVariable String id,
                                           @RequestHeader(name = HubSignature.HEADER, required = false) String signature,
                                           ServerHttpRequest request) {
        return DataBufferUtils.join(request.getBody(), MAX_BODY)
                .map(CloudWebhookController::bytes)
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> webhooks.receive(id, body, signature))
                .thenReturn(Envelope.ok("webhook received", Map.of("account_id", id)));
    }

    private static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }
}
