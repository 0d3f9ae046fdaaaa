/**
 * Message status on the API, read from {@code messages}: the gateway records a send {@code queued}
 * when it accepts it; the session worker that sends it moves it to {@code sent} or {@code failed} (with
 * the reason), and the recipient's receipts to {@code delivered} and {@code read}, each with its time.
 */
package io.wafleet.gateway.message;
