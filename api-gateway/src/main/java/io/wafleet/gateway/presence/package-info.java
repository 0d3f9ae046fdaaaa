/**
 * Presence ({@code POST /send/presence}) and chat presence ({@code POST /send/chat-presence}, a typing
 * indicator), as go-whatsapp-web-multidevice has them, with {@code account_id}: validated, checked against
 * the account's session as sends are (404 unknown, 409 nothing to show it from), published as one command
 * keyed by the account and answered {@code queued} once Kafka acknowledged it. They are effects, not
 * messages: no message id, no status record, no outcome event.
 */
package io.wafleet.gateway.presence;
