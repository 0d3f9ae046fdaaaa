package io.wafleet.gateway.bench;

import io.wafleet.gateway.web.Envelope;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * {@code POST /bench/noop}: the HTTP limit the send benchmark compares {@code POST /send/message} with.
 * It goes through the same filters, reads the same JSON body and answers the same envelope, but stores
 * and publishes nothing. Only there when {@code wafleet.bench.noop-endpoint=true}, which the benchmark sets.
 */
@RestController
@ConditionalOnBooleanProperty("wafleet.bench.noop-endpoint")
class NoopController {

    private static final Map<String, String> QUEUED = Map.of("message_id", "noop", "status", "queued");

    @PostMapping("/bench/noop")
    Mono<ResponseEntity<Envelope>> noop(@RequestBody Map<String, Object> body) {
        return Mono.just(Envelope.ok("nothing done", QUEUED));
    }
}
