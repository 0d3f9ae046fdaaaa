package io.wafleet.session;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * MongoDB health by {@code ping}, which every MongoDB-wire server answers (Boot's own indicator sends
 * {@code hello}, unknown to the embedded server, and is disabled in {@code session-worker.yml}).
 */
@Component("mongoHealthIndicator")
class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    MongoPingHealthIndicator(MongoTemplate mongo) {
        super("MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = mongo.executeCommand(new Document("ping", 1));
        builder.up().withDetail("database", mongo.getDb().getName()).withDetail("ok", answer.get("ok"));
    }
}
