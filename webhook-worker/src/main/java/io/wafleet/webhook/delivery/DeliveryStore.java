package io.wafleet.webhook.delivery;

import io.wafleet.common.event.Event;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;

/**
 * Records deliveries in {@code webhook_deliveries}, one document per event, read by the gateway's
 * delivery log: {@code _id} = event id, {@code account_id}, {@code event}, {@code url}, {@code outcome},
 * {@code attempts} (so far, across redeliveries), {@code last_status_code}, {@code last_error},
 * {@code body} (the event's exact JSON, to redeliver), {@code created_at}, {@code updated_at}, and
 * {@code attempt_log}: the last {@value #ATTEMPTS_KEPT} attempts, oldest first, each with {@code url},
 * {@code status_code}, {@code latency_ms}, {@code error} and {@code at} (the last entry is attempt
 * number {@code attempts}). Every write is one upsert of that document, so an attempt costs one write
 * and a redelivered event (same id) continues its record; the writes go out in batches.
 */
@Component
class DeliveryStore {

    static final String DELIVERIES = "webhook_deliveries";
    static final int ATTEMPTS_KEPT = 20;

    private final DeliveryLogWriter writer;
    private final Clock clock;

    DeliveryStore(DeliveryLogWriter writer, Clock clock) {
        this.writer = writer;
        this.clock = clock;
    }

    /** Records an attempt and where the delivery stands after it. */
    Mono<Void> recordAttempt(Event event, String url, byte[] body, AttemptResult result, Outcome outcome) {
        Date now = Date.from(clock.instant());
        Update update = common(event, url, body, outcome, now)
                .set("last_status_code", result.statusCode())
                .set("last_error", result.error())
                .inc("attempts", 1);
        update.push("attempt_log").slice(-ATTEMPTS_KEPT).each(attempt(url, result, now));
        return writer.upsert(byId(event), update);
    }

    /**
     * Records where a delivery stands without an attempt: filtered, skipped, or pending because its
     * endpoint's circuit is open.
     */
    Mono<Void> recordState(Event event, String url, byte[] body, Outcome outcome, String reason) {
        Update update = common(event, url, body, outcome, Date.from(clock.instant()))
                .set("last_error", reason)
                .setOnInsert("attempts", 0)
                .setOnInsert("last_status_code", null);
        return writer.upsert(byId(event), update);
    }

    private static Update common(Event event, String url, byte[] body, Outcome outcome, Date now) {
        return new Update()
                .set("account_id", event.accountId().value())
                .set("event", event.event())
                .set("url", url)
                .set("outcome", outcome.wireName())
                .set("updated_at", now)
                // the same event always has the same body: written once
                .setOnInsert("body", new String(body, StandardCharsets.UTF_8))
                .setOnInsert("created_at", now);
    }

    private static Document attempt(String url, AttemptResult result, Date at) {
        return new Document("url", url)
                .append("status_code", result.statusCode())
                .append("latency_ms", result.latencyMs())
                .append("error", result.error())
                .append("at", at);
    }

    private static Query byId(Event event) {
        return Query.query(Criteria.where("_id").is(event.id()));
    }
}
