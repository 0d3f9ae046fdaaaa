/**
 * Readiness of the session worker's backing services: whether MongoDB answers a {@code ping} (which
 * every MongoDB-wire server knows, unlike Boot's {@code hello}) and whether the Kafka cluster answers,
 * each bounded by a timeout and cached briefly ({@link io.wafleet.common.health.CachedProbe}). Whether
 * the sessions of its partitions are restored is the {@code sessions} indicator of {@code session/}.
 */
package io.wafleet.session.health;
