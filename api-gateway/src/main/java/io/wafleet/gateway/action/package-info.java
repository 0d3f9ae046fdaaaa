/**
 * Actions on messages ({@code POST /message/{message_id}/reaction}, {@code revoke}, {@code delete},
 * {@code update}, {@code read}, {@code star}, {@code unstar}, {@code forward}), as go-whatsapp-web-multidevice
 * has them, with {@code account_id}: validated, checked against the account's session as sends are
 * (404 unknown, 409 nothing to act from), published as one command keyed by the account and answered
 * {@code queued} once Kafka acknowledged it. The outcome arrives later as a {@code message.action}
 * event; a forward is a send of a new message, whose id the gateway mints, reported as sends are.
 */
package io.wafleet.gateway.action;
