package io.wafleet.webhook.delivery;

import io.wafleet.common.event.Event;
import org.slf4j.MDC;

/**
 * Logs a line about an event with its {@code account_id} and {@code event_id} in the logging context
 * (MDC), removed right after: a delivery moves between threads (consumer, HTTP client, MongoDB
 * driver), so the context is set around each line rather than once per record. Only ids, never the
 * event's content, URL or secret.
 */
final class DeliveryLogContext {

    static final String ACCOUNT_ID = "account_id";
    static final String EVENT_ID = "event_id";

    private DeliveryLogContext() {
    }

    static void log(Event event, Runnable line) {
        MDC.put(ACCOUNT_ID, event.accountId().value());
        MDC.put(EVENT_ID, event.id());
        try {
            line.run();
        } finally {
            MDC.remove(ACCOUNT_ID);
            MDC.remove(EVENT_ID);
        }
    }
}
