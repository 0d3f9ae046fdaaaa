package io.wafleet.gateway.sandbox;

import io.wafleet.gateway.auth.Access;
import io.wafleet.gateway.web.Envelope;
import org.bson.Document;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.Date;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * {@code GET /sandbox/stats}: what the shared sandbox network has seen, read from MongoDB, so tests
 * and operators can tell from outside that the fleet never held one account twice. Live connections
 * are the registered ones not past their keepalive expiry ({@code sandbox_connections}); the counters
 * are the network's own ({@code sandbox_stats}).
 */
@RestController
@ConditionalOnBooleanProperty(name = "wafleet.sandbox.enabled", matchIfMissing = true)
class SandboxStatsController {

    record SandboxStats(long liveConnections, long conflicts, long sends, long deliveries) {
    }

    private final ReactiveMongoTemplate mongo;
    private final Clock clock = Clock.systemUTC();

    SandboxStatsController(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/sandbox/stats")
    Mono<ResponseEntity<Envelope>> stats() {
        Query live = Query.query(where("expires_at").gt(Date.from(clock.instant())));
        return Access.admin().then(Mono.zip(mongo.count(live, "sandbox_connections"),
                        mongo.findById("network", Document.class, "sandbox_stats").defaultIfEmpty(new Document()))
                .map(found -> new SandboxStats(found.getT1(), counter(found.getT2(), "conflicts"),
                        counter(found.getT2(), "sends"), counter(found.getT2(), "deliveries"))))
                .map(stats -> Envelope.ok("sandbox network statistics", stats));
    }

    private static long counter(Document stats, String name) {
        Object value = stats.get(name);
        return value instanceof Number number ? number.longValue() : 0;
    }
}
