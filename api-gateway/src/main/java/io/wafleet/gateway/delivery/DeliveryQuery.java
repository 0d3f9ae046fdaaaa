package io.wafleet.gateway.delivery;

import io.wafleet.gateway.web.ApiException;

/**
 * The parameters of {@code GET /accounts/{id}/webhook/deliveries}, each a 400 when not understood.
 *
 * @param outcome only records with this outcome, or every record when null
 * @param page    the page, from 0
 * @param size    records per page
 */
record DeliveryQuery(Outcome outcome, int page, int size) {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;
    /** Bounds {@code page * size}, which MongoDB takes as a 32-bit skip. */
    static final int MAX_PAGE = 1_000_000;

    static DeliveryQuery of(String outcome, String page, String size) {
        return new DeliveryQuery(outcome == null ? null : Outcome.parse(outcome, "outcome", Outcome.values()),
                number(page, "page", 0, 0, MAX_PAGE), number(size, "size", DEFAULT_SIZE, 1, MAX_SIZE));
    }

    long skip() {
        return (long) page * size;
    }

    private static int number(String value, String name, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // not a whole number: refused below
        }
        throw ApiException.badRequest(name + " must be a whole number from " + min + " to " + max);
    }
}
