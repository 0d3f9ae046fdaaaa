package io.wafleet.gateway.delivery;

import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.wafleet.gateway.delivery.DocumentFields.instant;
import static io.wafleet.gateway.delivery.DocumentFields.integer;
import static io.wafleet.gateway.delivery.DocumentFields.longValue;
import static io.wafleet.gateway.delivery.DocumentFields.string;

/**
 * One attempt to deliver an event, from its delivery record's {@code attempt_log} (the latest
 * attempts, oldest first; the last one is attempt number {@code attempts}); {@code status_code} is
 * null when no answer came.
 */
record AttemptView(int attempt, String url, Integer statusCode, Long latencyMs, String error, Instant at) {

    /** The attempts kept in a delivery record, numbered. */
    static List<AttemptView> of(Document delivery) {
        List<Document> log = delivery.getList("attempt_log", Document.class, List.of());
        Integer total = integer(delivery, "attempts");
        int first = Math.max(1, (total == null ? log.size() : total) - log.size() + 1);
        List<AttemptView> attempts = new ArrayList<>(log.size());
        for (int i = 0; i < log.size(); i++) {
            Document entry = log.get(i);
            attempts.add(new AttemptView(first + i, string(entry, "url"), integer(entry, "status_code"),
                    longValue(entry, "latency_ms"), string(entry, "error"), instant(entry, "at")));
        }
        return attempts;
    }
}
