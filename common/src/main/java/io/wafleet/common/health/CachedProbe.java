package io.wafleet.common.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A check of a backing service, cheap to ask often: its outcome is reused for {@code ttl}, callers that
 * ask while a check runs share it, and a check that has not answered within {@code timeout} counts as
 * down. At most one check runs at a time: while one that timed out still hangs (a blocking driver call,
 * say), callers get the last outcome instead of starting another. {@link #check()} never blocks and its
 * future never fails; cancelling it affects no other caller.
 *
 * <p>Details are whatever the check answers (keep them free of secrets: no URIs, no credentials); a
 * failure is described by its exception's class alone, since driver messages may quote addresses.
 */
public final class CachedProbe {

    /** How long a check may take by default before it counts as down. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    /** How long an outcome is reused by default. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(2);

    /** Whether the service answered, with details safe to show, and when the outcome was known. */
    public record Outcome(boolean up, Map<String, Object> details, Instant at) {
    }

    private final Supplier<? extends CompletionStage<? extends Map<String, Object>>> check;
    private final Duration timeout;
    private final Duration ttl;
    private final Clock clock;
    private Outcome last;
    private CompletableFuture<Outcome> inFlight;
    private boolean running;

    /** {@code check}: starts one check; its stage answers the details of an answering service, or fails. */
    public CachedProbe(Supplier<? extends CompletionStage<? extends Map<String, Object>>> check,
                       Duration timeout, Duration ttl, Clock clock) {
        this.check = Objects.requireNonNull(check);
        this.timeout = timeout;
        this.ttl = ttl;
        this.clock = clock;
    }

    public CachedProbe(Supplier<? extends CompletionStage<? extends Map<String, Object>>> check) {
        this(check, DEFAULT_TIMEOUT, DEFAULT_TTL, Clock.systemUTC());
    }

    /** The current outcome: the last one while fresh, else that of a new (or the running) check. */
    public synchronized CompletableFuture<Outcome> check() {
        if (last != null && clock.instant().isBefore(last.at().plus(ttl))) {
            return CompletableFuture.completedFuture(last);
        }
        if (inFlight != null) {
            return inFlight.copy();
        }
        if (running) {
            // the previous check timed out and still has not returned: do not pile up another
            return CompletableFuture.completedFuture(last);
        }
        running = true;
        CompletableFuture<Map<String, Object>> raw = start();
        raw.whenComplete((details, failure) -> finished());
        CompletableFuture<Outcome> outcome = raw
                .thenApply(details -> new Outcome(true, Map.copyOf(details), clock.instant()))
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(this::down);
        inFlight = outcome;
        outcome.thenAccept(result -> record(outcome, result));
        // a copy each: a caller that cancels its future (an HTTP probe that gave up) cancels no one else's
        return outcome.copy();
    }

    private CompletableFuture<Map<String, Object>> start() {
        CompletableFuture<Map<String, Object>> raw = new CompletableFuture<>();
        try {
            // a stage of its own: some (KafkaFuture's) refuse toCompletableFuture()
            check.get().whenComplete((details, failure) -> {
                if (failure != null) {
                    raw.completeExceptionally(failure);
                } else {
                    raw.complete(details == null ? Map.of() : details);
                }
            });
        } catch (RuntimeException e) {
            raw.completeExceptionally(e);
        }
        return raw;
    }

    private Outcome down(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String error = cause instanceof TimeoutException
                ? "no answer within " + timeout.toMillis() + " ms" : cause.getClass().getName();
        return new Outcome(false, Map.of("error", error), clock.instant());
    }

    private synchronized void record(CompletableFuture<Outcome> outcome, Outcome result) {
        last = result;
        if (inFlight == outcome) {
            inFlight = null;
        }
    }

    private synchronized void finished() {
        running = false;
    }
}
