/**
 * Kafka plumbing: the contract's topics; the listeners on {@code wafleet.events} (group
 * {@code wafleet-webhook-workers}) and on the retry tiers {@code wafleet.events.retry-1..3} (group
 * {@code wafleet-webhook-retries}), whose {@link io.wafleet.webhook.kafka.DeliveryDispatcher} starts
 * each delivery without waiting for it, bounds what is in flight and commits only finished work;
 * the producer of retries and dead letters ({@code wafleet.events.dlt}); and the per-instance
 * listener on the compacted {@code wafleet.config}.
 */
package io.wafleet.webhook.kafka;
