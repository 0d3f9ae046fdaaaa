package io.wafleet.session.session;

import io.wafleet.common.AccountId;
import io.wafleet.session.SessionWorkerProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/** The restore throttle as a token bucket (the delays it gives the starts it is handed), and restores that lose their partition. */
class StartQueueTest {

    private final RecordingScheduler scheduler = new RecordingScheduler();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void aBurstStartsAtOnceAndTheRestFollowAtTheConfiguredRate() {
        StartQueue queue = queue(Map.of("wafleet.restore.starts-per-second", "50", "wafleet.restore.burst", "10",
                "wafleet.restore.jitter", "0s"));

        for (int i = 0; i < 30; i++) {
            queue.enqueue(AccountId.of("acct-" + i));
        }

        List<Long> delays = scheduler.delaysMillis();
        assertThat(delays).hasSize(30);
        assertThat(delays.subList(0, 10)).allSatisfy(delay -> assertThat(delay).isZero());
        for (int i = 10; i < 30; i++) {
            long expected = (i - 9) * 20L;
            assertThat(delays.get(i)).as("start %d", i).isEqualTo(expected);
        }
    }

    @Test
    void anAccountAlreadyWaitingIsNotQueuedTwice() {
        StartQueue queue = queue(Map.of());

        queue.enqueue(AccountId.of("same"));
        queue.enqueue(AccountId.of("same"));

        assertThat(scheduler.delaysMillis()).hasSize(1);
    }

    @Test
    void theJitterSpreadsABurstWithoutExceedingItsBound() {
        StartQueue queue = queue(Map.of("wafleet.restore.burst", "100", "wafleet.restore.jitter", "200ms"));

        for (int i = 0; i < 100; i++) {
            queue.enqueue(AccountId.of("acct-" + i));
        }

        assertThat(scheduler.delaysMillis()).allSatisfy(delay -> assertThat(delay).isBetween(0L, 200L))
                .anySatisfy(delay -> assertThat(delay).isGreaterThan(20));
    }

    @Test
    void aRestoreWhosePartitionIsRevokedWhileItRunsHandsItsSessionOver() {
        SessionWorkerProperties properties = properties(Map.of("wafleet.restore.jitter", "0s"));
        OwnedPartitions owned = new OwnedPartitions(properties);
        AccountId account = AccountId.of("revoked-mid-restore");
        owned.add(List.of(owned.partitionOf(account)));
        SessionService sessions = mock(SessionService.class);
        // the revocation lands while the restore runs, too early to see the session it opens
        doAnswer(invocation -> {
            owned.remove(List.of(owned.partitionOf(account)));
            return null;
        }).when(sessions).restoreOwned(eq(account), any());
        SessionHandover handover = mock(SessionHandover.class);
        ScheduledThreadPoolExecutor running = new ScheduledThreadPoolExecutor(1);
        try {
            new StartQueue(running, Runnable::run, sessions, owned, handover, Clock.systemUTC(), properties).enqueue(account);

            ArgumentCaptor<Predicate<AccountId>> released = ArgumentCaptor.captor();
            verify(handover, timeout(5_000)).release(released.capture());
            assertThat(released.getValue()).accepts(account).rejects(AccountId.of("another"));
        } finally {
            running.shutdownNow();
        }
    }

    @Test
    void aRestoreStillOwnedAfterwardsKeepsItsSession() {
        SessionWorkerProperties properties = properties(Map.of("wafleet.restore.jitter", "0s"));
        OwnedPartitions owned = new OwnedPartitions(properties);
        AccountId account = AccountId.of("kept");
        owned.add(List.of(owned.partitionOf(account)));
        SessionService sessions = mock(SessionService.class);
        SessionHandover handover = mock(SessionHandover.class);
        ScheduledThreadPoolExecutor running = new ScheduledThreadPoolExecutor(1);
        try {
            new StartQueue(running, Runnable::run, sessions, owned, handover, Clock.systemUTC(), properties).enqueue(account);

            verify(sessions, timeout(5_000)).restoreOwned(eq(account), any());
            running.shutdown();
            assertThat(running.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
            verifyNoInteractions(handover);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        } finally {
            running.shutdownNow();
        }
    }

    private StartQueue queue(Map<String, String> settings) {
        SessionWorkerProperties properties = properties(settings);
        // a clock that stands still: each delay is what the bucket gives, however slow the machine
        return new StartQueue(scheduler, Runnable::run, mock(SessionService.class), new OwnedPartitions(properties),
                mock(SessionHandover.class), Clock.systemUTC(), properties, () -> 1_000_000_000L);
    }

    private static SessionWorkerProperties properties(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("wafleet", SessionWorkerProperties.class);
    }

    /** Records the delay of each scheduled start and runs none of them. */
    private static final class RecordingScheduler extends ScheduledThreadPoolExecutor {

        private final List<Long> delaysNanos = new ArrayList<>();

        RecordingScheduler() {
            super(1);
        }

        @Override
        public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            delaysNanos.add(unit.toNanos(delay));
            return super.schedule(() -> { }, 1, TimeUnit.DAYS);
        }

        synchronized List<Long> delaysMillis() {
            return delaysNanos.stream().map(TimeUnit.NANOSECONDS::toMillis).toList();
        }
    }
}
