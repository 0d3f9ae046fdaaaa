package io.wafleet.infra.bench;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Checks a condition at a fixed interval until it holds: the benchmark's clock for "when did it happen". */
final class Poll {

    static final Duration INTERVAL = Duration.ofMillis(50);

    private Poll() {
    }

    /** Answers the nanoTime at which {@code condition} was first seen true; fails after {@code timeout}. */
    static long until(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return System.nanoTime();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }
}
