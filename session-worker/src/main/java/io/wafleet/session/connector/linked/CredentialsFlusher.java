package io.wafleet.session.connector.linked;

import io.wafleet.common.connector.Credentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Coalesces cobalt's requests to save a login (it asks on every key change and on every ping) into at
 * most one report per {@code interval}, and only when the bytes changed: a burst of Signal key updates
 * costs one credential write, an idle session none.
 */
final class CredentialsFlusher {

    private static final Logger log = LoggerFactory.getLogger(CredentialsFlusher.class);

    private final ScheduledExecutorService scheduler;
    private final Duration interval;
    private final Supplier<Credentials> current;
    private final Consumer<Credentials> report;
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile byte[] lastReported = new byte[0];

    CredentialsFlusher(ScheduledExecutorService scheduler, Duration interval, Supplier<Credentials> current,
                       Consumer<Credentials> report) {
        this.scheduler = scheduler;
        this.interval = interval;
        this.current = current;
        this.report = report;
    }

    /** The login as reported to the worker (at login or by a later flush): later flushes report only a change. */
    void reported(Credentials credentials) {
        lastReported = credentials.data();
    }

    void changed() {
        if (pending.compareAndSet(false, true)) {
            scheduler.schedule(this::flush, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Reports a pending change now (before a close), if there is one. */
    void flushPending() {
        if (pending.get()) {
            flush();
        }
    }

    private void flush() {
        pending.set(false);
        try {
            Credentials credentials = current.get();
            if (!Arrays.equals(credentials.data(), lastReported)) {
                lastReported = credentials.data();
                report.accept(credentials);
            }
        } catch (RuntimeException e) {
            // cobalt changed its keys while they were encoded: the next change (or ping) tries again
            log.warn("Linked-device login not re-encoded ({}); retried on the next change", e.getClass().getSimpleName());
        }
    }
}
