package io.wafleet.webhook.delivery;

import java.time.Duration;

/**
 * How one attempt went.
 *
 * @param verdict    what the attempt means for the delivery
 * @param statusCode the receiver's HTTP status, or null when no answer came
 * @param retryAfter the receiver's {@code Retry-After}, or null
 * @param latencyMs  time from sending to the end of the answer (or the failure)
 * @param error      what went wrong, for the delivery log (never a secret, header or body), or null
 */
record AttemptResult(Verdict verdict, Integer statusCode, Duration retryAfter, long latencyMs, String error) {

    enum Verdict {
        /** 2xx. */
        DELIVERED,
        /** Worth another attempt: network error, timeout, 5xx, 408, 429. */
        RETRYABLE,
        /** The receiver's final word: any other status. */
        FINAL,
        /** Not sent: the URL is not allowed. */
        REFUSED
    }

    static AttemptResult refused(String reason) {
        return new AttemptResult(Verdict.REFUSED, null, null, 0, reason);
    }

    /** Whether a response or failure says something about the endpoint's health (for its circuit breaker). */
    boolean reachedEndpoint() {
        return verdict != Verdict.REFUSED;
    }
}
