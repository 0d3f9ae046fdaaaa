/**
 * Kafka for the gateway: the contract's topics, a producer with {@code acks=all} and idempotence
 * whose publishes are bounded in time (503 past the bound), and the reply path for calls that wait for
 * a session worker: commands carry {@code ReplyTo(instance, correlation_id)}, and a dedicated consumer
 * reads every partition of {@code wafleet.replies}, without a consumer group, for this instance's key.
 */
package io.wafleet.gateway.kafka;
