package io.wafleet.webhook.delivery;

import java.util.Locale;

/**
 * How one event's delivery ended.
 *
 * @param outcome    delivered, failed (given up) or skipped (no webhook)
 * @param url        where it went, or null when skipped
 * @param attempts   attempts made (0 when skipped)
 * @param statusCode the last HTTP status, or null when no response came
 */
record DeliveryOutcome(Outcome outcome, String url, int attempts, Integer statusCode) {

    enum Outcome {
        DELIVERED, FAILED, SKIPPED;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static DeliveryOutcome skipped() {
        return new DeliveryOutcome(Outcome.SKIPPED, null, 0, null);
    }
}
