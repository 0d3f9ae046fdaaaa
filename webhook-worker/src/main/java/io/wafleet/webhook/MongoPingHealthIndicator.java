package io.wafleet.webhook;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * MongoDB health by {@code ping}: Boot's own indicator sends {@code hello}, which the embedded
 * MongoDB-wire server does not know, so it is disabled in {@code webhook-worker.yml}.
 */
@Component("mongoHealthIndicator")
class MongoPingHealthIndicator extends AbstractReactiveHealthIndicator {

    private final ReactiveMongoTemplate mongo;

    MongoPingHealthIndicator(ReactiveMongoTemplate mongo) {
        super("MongoDB ping failed");
        this.mongo = mongo;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return mongo.executeCommand(new Document("ping", 1))
                .map(answer -> builder.up().withDetail("ping", answer.get("ok")).build());
    }
}
