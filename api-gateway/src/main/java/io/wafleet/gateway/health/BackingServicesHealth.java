package io.wafleet.gateway.health;

import io.wafleet.common.health.CachedProbe;
import io.wafleet.common.health.KafkaReachability;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * The {@code mongo} and {@code kafka} health indicators, both in the readiness group: a gateway that
 * reaches neither cannot answer a call. Boot's own MongoDB indicator sends {@code hello}, unknown to the
 * embedded MongoDB-wire server, and is disabled ({@code management.health.mongodb.enabled}).
 */
@Configuration(proxyBeanMethods = false)
class BackingServicesHealth {

    private static final Document PING = new Document("ping", 1);

    @Bean
    ReactiveHealthIndicator mongoHealthIndicator(ReactiveMongoTemplate mongo) {
        CachedProbe probe = new CachedProbe(() -> mongo.getMongoDatabase()
                .flatMap(database -> Mono.from(database.runCommand(PING))
                        .thenReturn(Map.<String, Object>of("database", database.getName())))
                .toFuture());
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
