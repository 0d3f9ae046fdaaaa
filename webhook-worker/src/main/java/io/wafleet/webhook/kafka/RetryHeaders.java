package io.wafleet.webhook.kafka;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Headers of the records on the retry tiers and the dead-letter topic, as decimal ASCII text:
 * <ul>
 *   <li>{@value #ATTEMPT}: the attempt number this record is for (1 when absent, as on
 *   {@code wafleet.events});</li>
 *   <li>{@value #DUE_AT}: epoch milliseconds before which the record must not be attempted (absent: now);</li>
 *   <li>on dead letters: {@value #ATTEMPTS}, {@value #LAST_STATUS} (absent when no answer came) and
 *   {@value #LAST_ERROR}.</li>
 * </ul>
 */
final class RetryHeaders {

    static final String ATTEMPT = "wafleet-attempt";
    static final String DUE_AT = "wafleet-due-at";
    static final String ATTEMPTS = "wafleet-attempts";
    static final String LAST_STATUS = "wafleet-last-status";
    static final String LAST_ERROR = "wafleet-last-error";

    private RetryHeaders() {
    }

    static int attempt(Headers headers) {
        long attempt = number(headers, ATTEMPT, 1);
        return (int) Math.clamp(attempt, 1, Integer.MAX_VALUE);
    }

    static Instant dueAt(Headers headers) {
        return Instant.ofEpochMilli(number(headers, DUE_AT, 0));
    }

    static void put(Headers headers, String name, Object value) {
        if (value != null) {
            headers.remove(name);
            headers.add(name, value.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static long number(Headers headers, String name, long absent) {
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null) {
            return absent;
        }
        try {
            return Long.parseLong(new String(header.value(), StandardCharsets.US_ASCII).trim());
        } catch (NumberFormatException e) {
            return absent;
        }
    }
}
