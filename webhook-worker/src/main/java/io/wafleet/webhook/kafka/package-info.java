/**
 * Kafka plumbing: the contract's topics, the batch listener on {@code wafleet.events} (group
 * {@code wafleet-webhook-workers}) and the per-instance listener on the compacted
 * {@code wafleet.config}. Listeners only unwrap records and call one service.
 */
package io.wafleet.webhook.kafka;
