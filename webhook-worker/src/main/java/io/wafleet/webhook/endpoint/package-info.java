/**
 * Where an account's events go and how: its own webhook and policy (event filter, attempts, extra
 * headers) from {@code account_webhooks}, else the global webhook, else nowhere (the event is
 * skipped). Look-ups are cached briefly; a change on {@code wafleet.config} drops the account's entry
 * at once through {@link io.wafleet.webhook.endpoint.WebhookEndpoints#invalidate}.
 */
package io.wafleet.webhook.endpoint;
