package io.wafleet.gateway.delivery;

import org.bson.Document;

import java.time.Instant;

import static io.wafleet.gateway.delivery.DocumentFields.instant;
import static io.wafleet.gateway.delivery.DocumentFields.integer;
import static io.wafleet.gateway.delivery.DocumentFields.longValue;
import static io.wafleet.gateway.delivery.DocumentFields.string;

/** One attempt to deliver an event ({@code webhook_attempts}); {@code status_code} is null when no answer came. */
record AttemptView(int attempt, String url, Integer statusCode, Long latencyMs, String error, Instant at) {

    static AttemptView from(Document document) {
        Integer attempt = integer(document, "attempt");
        return new AttemptView(attempt == null ? 0 : attempt, string(document, "url"), integer(document, "status_code"),
                longValue(document, "latency_ms"), string(document, "error"), instant(document, "at"));
    }
}
