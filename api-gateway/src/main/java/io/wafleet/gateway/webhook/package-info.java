/**
 * Per-account webhook URL and secret ({@code account_webhooks}). The secret is write-only: it is
 * stored for the webhook worker and never shown, logged or put in an event.
 */
package io.wafleet.gateway.webhook;
