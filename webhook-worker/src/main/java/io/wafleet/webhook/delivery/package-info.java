/**
 * Delivering events to webhooks. {@link io.wafleet.webhook.delivery.DeliveryService} takes a batch
 * from Kafka and dispatches it without blocking across accounts (one delivery in flight per account,
 * so an account's events arrive in order; a bounded number in flight overall), and returns once every
 * delivery of the batch has finished: delivered, given up, or skipped. Each finished delivery is
 * recorded in {@code webhook_deliveries}.
 *
 * <p>Every attempt is signed afresh ({@code X-Hub-Signature-256} over the body, Standard Webhooks over
 * id, this attempt's timestamp and body). Network errors, 5xx, 408 and 429 are retried with exponential
 * backoff and jitter a bounded number of times; other 4xx are final.
 */
package io.wafleet.webhook.delivery;
