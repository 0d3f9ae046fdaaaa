package io.wafleet.webhook.delivery;

import io.wafleet.common.event.Event;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;

/**
 * Records deliveries, read by the gateway's delivery log:
 * <ul>
 *   <li>{@code webhook_deliveries}, one per event: {@code _id} = event id, {@code account_id},
 *   {@code event}, {@code url}, {@code outcome}, {@code attempts} (so far, across redeliveries),
 *   {@code last_status_code}, {@code last_error}, {@code body} (the event's exact JSON, to redeliver),
 *   {@code created_at}, {@code updated_at};</li>
 *   <li>{@code webhook_attempts}, one per attempt: {@code _id} = {@code <event id>:<attempt>},
 *   {@code event_id}, {@code account_id}, {@code attempt} (the delivery's {@code attempts} after its
 *   {@code $inc}, so it keeps counting across redeliveries), {@code url}, {@code status_code},
 *   {@code latency_ms}, {@code error}, {@code at}.</li>
 * </ul>
 * Every write is an upsert, so a redelivered event (same id) continues its record.
 */
@Component
class DeliveryStore {

    static final String DELIVERIES = "webhook_deliveries";
    static final String ATTEMPTS = "webhook_attempts";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    DeliveryStore(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Records an attempt and where the delivery stands after it; emits the attempt's number. */
    Mono<Integer> recordAttempt(Event event, String url, byte[] body, AttemptResult result, Outcome outcome) {
        Date now = Date.from(clock.instant());
        Update update = common(event, url, body, outcome, now)
                .set("last_status_code", result.statusCode())
                .set("last_error", result.error())
                .inc("attempts", 1);
        return mongo.findAndModify(byId(event), update, FindAndModifyOptions.options().upsert(true).returnNew(true),
                        Document.class, DELIVERIES)
                .map(delivery -> delivery.get("attempts", Number.class).intValue())
                .flatMap(attempt -> mongo.save(attempt(event, url, result, attempt, now), ATTEMPTS).thenReturn(attempt));
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
        return mongo.upsert(byId(event), update, DELIVERIES).then();
    }

    private static Update common(Event event, String url, byte[] body, Outcome outcome, Date now) {
        return new Update()
                .set("account_id", event.accountId().value())
                .set("event", event.event())
                .set("url", url)
                .set("outcome", outcome.wireName())
                .set("body", new String(body, StandardCharsets.UTF_8))
                .set("updated_at", now)
                .setOnInsert("created_at", now);
    }

    private static Document attempt(Event event, String url, AttemptResult result, int attempt, Date at) {
        return new Document("_id", event.id() + ":" + attempt)
                .append("event_id", event.id())
                .append("account_id", event.accountId().value())
                .append("attempt", attempt)
                .append("url", url)
                .append("status_code", result.statusCode())
                .append("latency_ms", result.latencyMs())
                .append("error", result.error())
                .append("at", at);
    }

    private static Query byId(Event event) {
        return Query.query(Criteria.where("_id").is(event.id()));
    }
}
