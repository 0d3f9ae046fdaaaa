/**
 * Readiness of the webhook worker: whether MongoDB answers a {@code ping} (which every MongoDB-wire
 * server knows, unlike Boot's {@code hello}) and whether the Kafka cluster answers, each checked without
 * blocking an event loop and cached briefly ({@link io.wafleet.common.health.CachedProbe}).
 */
package io.wafleet.webhook.health;
