/**
 * Where webhooks may point: http(s) only, and — where {@code wafleet.webhook.allow-private-addresses}
 * is false, as in the {@code production} profile — never to loopback, private, link-local,
 * unique-local, multicast or cloud metadata addresses, checked on the address actually connected to.
 */
package io.wafleet.webhook.address;
