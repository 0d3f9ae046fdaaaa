/**
 * Per-account webhook configuration ({@code account_webhooks}): URL, secret and an optional delivery
 * policy (event filter, attempts, extra headers). The secret is write-only: it is stored for the
 * webhook worker and never shown, logged or put in an event. Where private addresses are refused
 * (production), a URL whose host is or resolves to one is refused when it is set.
 */
package io.wafleet.gateway.webhook;
