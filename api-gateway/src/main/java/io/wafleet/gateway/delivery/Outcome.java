package io.wafleet.gateway.delivery;

import io.wafleet.gateway.web.ApiException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The {@code outcome} of a delivery record, as the webhook worker writes it. */
enum Outcome {
    PENDING, DELIVERED, FAILED, DEAD, SKIPPED, FILTERED;

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The outcome named {@code value}, or a 400 that lists the names {@code field} takes. */
    static Outcome parse(String value, String field, Outcome... allowed) {
        for (Outcome outcome : allowed) {
            if (outcome.wireName().equals(value)) {
                return outcome;
            }
        }
        throw ApiException.badRequest(field + " must be one of "
                + Arrays.stream(allowed).map(Outcome::wireName).collect(Collectors.joining(", ")));
    }
}
