/**
 * Sends: validated, checked against the account's session (404 unknown, 409 nothing to send from),
 * given a WhatsApp message id minted here, published keyed by the account and answered as
 * {@code queued} once Kafka acknowledged it. The outcome arrives later as events. Images are stored in
 * GridFS first; commands carry a {@code MediaRef}, never the bytes.
 */
package io.wafleet.gateway.send;
