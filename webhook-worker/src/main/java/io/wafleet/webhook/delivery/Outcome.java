package io.wafleet.webhook.delivery;

import java.util.Locale;

/** Where an event's delivery stands, as {@code webhook_deliveries.outcome} names it. */
enum Outcome {
    /** Not finished: waiting on a retry tier (or deferred by an open circuit). */
    PENDING,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** Given up without exhausting the attempts: a 4xx other than 408/429, or a refused URL. */
    FAILED,
    /** Every attempt failed; the event is on {@code wafleet.events.dlt}. */
    DEAD,
    /** No webhook to deliver to (neither the account's own nor a global one). */
    SKIPPED,
    /** The account's webhook does not take events of this type. */
    FILTERED;

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
