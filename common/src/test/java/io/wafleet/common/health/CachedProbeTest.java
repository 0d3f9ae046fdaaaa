package io.wafleet.common.health;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class CachedProbeTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void anOutcomeIsReusedUntilItIsStale() {
        AtomicInteger checks = new AtomicInteger();
        CachedProbe probe = new CachedProbe(() -> CompletableFuture.completedFuture(Map.of("n", checks.incrementAndGet())),
                Duration.ofSeconds(1), Duration.ofSeconds(2), clock);

        assertThat(probe.check().join().details()).containsEntry("n", 1);
        now.set(now.get().plusMillis(1999));
        assertThat(probe.check().join().details()).containsEntry("n", 1);
        now.set(now.get().plusMillis(1));
        assertThat(probe.check().join()).satisfies(outcome -> {
            assertThat(outcome.up()).isTrue();
            assertThat(outcome.details()).containsEntry("n", 2);
        });
    }

    @Test
    void aFailureIsDownWithTheExceptionClassOnly() {
        CachedProbe probe = new CachedProbe(() -> CompletableFuture.failedFuture(
                new IllegalStateException("mongodb://user:secret@host")), Duration.ofSeconds(1), Duration.ZERO, clock);

        CachedProbe.Outcome outcome = probe.check().join();
        assertThat(outcome.up()).isFalse();
        assertThat(outcome.details()).containsExactly(Map.entry("error", IllegalStateException.class.getName()));
    }

    @Test
    void aCheckThatHangsIsDownAfterTheTimeoutAndIsNotStartedAgainUntilItReturns() {
        AtomicInteger checks = new AtomicInteger();
        CompletableFuture<Map<String, Object>> hanging = new CompletableFuture<>();
        CachedProbe probe = new CachedProbe(() -> {
            checks.incrementAndGet();
            return checks.get() == 1 ? hanging : CompletableFuture.completedFuture(Map.of());
        }, Duration.ofMillis(100), Duration.ZERO, clock);

        CompletableFuture<CachedProbe.Outcome> first = probe.check();
        probe.check().cancel(true);
        assertThat(checks).hasValue(1);
        assertThat(first.join().up()).isFalse();
        assertThat(first.join().details().get("error")).isEqualTo("no answer within 100 ms");
        assertThat(probe.check().join().up()).isFalse();
        assertThat(checks).hasValue(1);

        hanging.complete(Map.of());
        assertThat(probe.check().join().up()).isTrue();
        assertThat(checks).hasValue(2);
    }

    @Test
    void aCheckThatThrowsIsDown() {
        CachedProbe probe = new CachedProbe(() -> {
            throw new IllegalArgumentException("boom");
        }, Duration.ofSeconds(1), Duration.ZERO, clock);

        assertThat(probe.check().join().up()).isFalse();
    }
}
