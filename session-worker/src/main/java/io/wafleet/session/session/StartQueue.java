package io.wafleet.session.session;

import io.wafleet.common.AccountId;
import io.wafleet.session.SessionWorkerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Restores sessions at a bounded rate ({@code wafleet.restore.starts-per-second}), each start given a
 * slot of its own plus a random jitter, so that taking over many accounts is not a reconnect storm.
 * A start whose account was revoked before its slot is skipped.
 */
@Component
class StartQueue {

    private static final Logger log = LoggerFactory.getLogger(StartQueue.class);

    private final ScheduledExecutorService scheduler;
    private final SessionService sessions;
    private final OwnedPartitions owned;
    private final long slotNanos;
    private final long jitterNanos;
    private final Set<AccountId> pending = ConcurrentHashMap.newKeySet();
    private long nextSlot;

    StartQueue(ScheduledExecutorService workerScheduler, SessionService sessions, OwnedPartitions owned,
               SessionWorkerProperties properties) {
        this.scheduler = workerScheduler;
        this.sessions = sessions;
        this.owned = owned;
        this.slotNanos = TimeUnit.SECONDS.toNanos(1) / properties.restore().startsPerSecond();
        this.jitterNanos = properties.restore().jitter().toNanos();
    }

    synchronized void enqueue(AccountId account) {
        if (!pending.add(account)) {
            return;
        }
        long now = System.nanoTime();
        long slot = Math.max(nextSlot, now);
        nextSlot = slot + slotNanos;
        long jitter = jitterNanos > 0 ? ThreadLocalRandom.current().nextLong(jitterNanos) : 0;
        scheduler.schedule(() -> start(account), slot - now + jitter, TimeUnit.NANOSECONDS);
    }

    void cancel(Predicate<AccountId> revoked) {
        pending.removeIf(revoked);
    }

    private void start(AccountId account) {
        if (!pending.remove(account)) {
            return;
        }
        try {
            sessions.restoreOwned(account, owned::owns);
        } catch (RuntimeException e) {
            log.warn("Could not restore the session of account {}: {}", account, e.toString());
        }
    }
}
