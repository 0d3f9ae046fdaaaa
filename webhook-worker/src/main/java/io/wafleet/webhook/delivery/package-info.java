/**
 * Delivering events to webhooks. {@link io.wafleet.webhook.delivery.DeliveryService} makes one
 * attempt at a time, without blocking, and settles what follows: delivered, failed (a final answer),
 * handed to a retry tier with exponential backoff and jitter (network errors, timeouts, 5xx, 408, 429,
 * which may ask for a longer wait with {@code Retry-After}), or dead-lettered once its attempts are
 * spent. Each endpoint URL has a resilience4j circuit breaker; while it is open, events are deferred
 * to a retry tier without spending an attempt. Each event's delivery and its latest attempts are
 * recorded in one {@code webhook_deliveries} document, written in batches and pruned by age.
 *
 * <p>Every attempt is signed afresh ({@code X-Hub-Signature-256} over the body, Standard Webhooks over
 * id, this attempt's timestamp and body) and carries the event id as {@code X-Webhook-Id} and
 * {@code webhook-id}, the same on every retry and redelivery, so receivers can dedupe.
 */
package io.wafleet.webhook.delivery;
