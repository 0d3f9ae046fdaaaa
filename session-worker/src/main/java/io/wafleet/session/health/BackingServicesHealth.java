package io.wafleet.session.health;

import io.wafleet.common.health.CachedProbe;
import io.wafleet.common.health.KafkaReachability;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The {@code mongo} and {@code kafka} health indicators, both in the readiness group. The worker's
 * MongoDB driver blocks, so the {@code ping} runs on a virtual thread of its own (one at a time: the
 * probe never starts a second while one hangs) and the HTTP event loop only waits on a future. Boot's
 * own MongoDB indicator sends {@code hello}, unknown to the embedded MongoDB-wire server, and is disabled.
 */
@Configuration(proxyBeanMethods = false)
class BackingServicesHealth {

    private static final Document PING = new Document("ping", 1);
    private static final Executor PINGS = task -> Thread.ofVirtual().name("mongo-health").start(task);

    @Bean
    ReactiveHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        CachedProbe probe = new CachedProbe(() -> CompletableFuture.supplyAsync(() -> {
            mongo.executeCommand(PING);
            return Map.<String, Object>of("database", mongo.getDb().getName());
        }, PINGS));
        return () -> Mono.fromFuture(probe::check).map(BackingServicesHealth::health);
    }

    @Bean(destroyMethod = "close")
    KafkaReachability kafkaReachability(KafkaAdmin admin, @Value("${spring.application.name}") String application) {
        return new KafkaReachability(admin.getConfigurationProperties(), application + "-health");
    }

    @Bean
    ReactiveHealthIndicator kafkaHealthIndicator(KafkaReachability kafka) {
        return () -> Mono.fromFuture(kafka::check).map(BackingServicesHealth::health);
    }

    private static Health health(CachedProbe.Outcome outcome) {
        return (outcome.up() ? Health.up() : Health.down()).withDetails(outcome.details()).build();
    }
}
