package io.wafleet.session.session;

import io.wafleet.common.AccountId;
import io.wafleet.session.SessionWorkerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Restores sessions at a bounded rate, so that taking over many accounts is not a reconnect storm: a
 * token bucket ({@code wafleet.restore.burst} starts at once after a quiet spell, then
 * {@code starts-per-second}), each start given a slot of its own plus a random jitter; at its slot it
 * runs on the restore executor, so slow restores do not hold up the next ones. A start whose
 * account was revoked before its slot is skipped. A start that finds the account's lease still held
 * elsewhere (its previous owner crashed and the lease has not expired yet) is tried again, through the
 * same bucket, when that lease is due to expire; one that cannot reach MongoDB, a lease duration later.
 * A restore that was still running when its partition was revoked hands the session over itself.
 */
@Component
class StartQueue {

    private static final Logger log = LoggerFactory.getLogger(StartQueue.class);
    private static final Duration MIN_RETRY = Duration.ofMillis(250);

    private final ScheduledExecutorService scheduler;
    private final Executor restores;
    private final SessionService sessions;
    private final OwnedPartitions owned;
    private final SessionHandover handover;
    private final Clock clock;
    private final long slotNanos;
    private final long burstNanos;
    private final long jitterNanos;
    private final Duration leaseDuration;
    private final LongSupplier nanoTime;
    private final Set<AccountId> pending = ConcurrentHashMap.newKeySet();
    private final AtomicInteger restoring = new AtomicInteger();
    private long nextSlot = Long.MIN_VALUE;

    @Autowired
    StartQueue(ScheduledExecutorService workerScheduler, @Qualifier("restoreExecutor") Executor restores,
               SessionService sessions, OwnedPartitions owned, SessionHandover handover, Clock clock,
               SessionWorkerProperties properties) {
        this(workerScheduler, restores, sessions, owned, handover, clock, properties, System::nanoTime);
    }

    /** {@code nanoTime}: the time source of the slots ({@link System#nanoTime} but in tests). */
    StartQueue(ScheduledExecutorService workerScheduler, Executor restores, SessionService sessions, OwnedPartitions owned,
               SessionHandover handover, Clock clock, SessionWorkerProperties properties, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.scheduler = workerScheduler;
        this.restores = restores;
        this.sessions = sessions;
        this.owned = owned;
        this.handover = handover;
        this.clock = clock;
        this.slotNanos = TimeUnit.SECONDS.toNanos(1) / properties.restore().startsPerSecond();
        this.burstNanos = (properties.restore().burst() - 1) * slotNanos;
        this.jitterNanos = properties.restore().jitter().toNanos();
        this.leaseDuration = properties.leases().duration();
    }

    void enqueue(AccountId account) {
        if (pending.add(account)) {
            schedule(account, 0);
        }
    }

    /** Whether the account's restore is waiting for its slot. */
    boolean isPending(AccountId account) {
        return pending.contains(account);
    }

    void cancel(Predicate<AccountId> revoked) {
        pending.removeIf(revoked);
    }

    /** Restores waiting for their slot, or to be tried again (a lease still held elsewhere, MongoDB out of reach). */
    int queued() {
        return pending.size();
    }

    /** Restores running now. */
    int restoring() {
        return restoring.get();
    }

    private void start(AccountId account) {
        // counted as restoring before it leaves the pending set, so the backlog never looks empty in between
        restoring.incrementAndGet();
        try {
            if (pending.remove(account)) {
                restore(account);
            }
        } finally {
            restoring.decrementAndGet();
        }
    }

    private void restore(AccountId account) {
        try {
            sessions.restoreOwned(account, owned::owns);
            if (!owned.owns(account)) {
                // revoked while it was being restored: the revocation may not have seen the new session
                handover.release(account::equals);
            }
        } catch (LeaseUnavailableException e) {
            Duration wait = e.retryAfter(clock);
            retry(account, wait.compareTo(MIN_RETRY) < 0 ? MIN_RETRY : wait);
        } catch (DataAccessException e) {
            log.warn("Could not restore the session of account {}: {}; trying again in {}", account, e.toString(), leaseDuration);
            retry(account, leaseDuration);
        } catch (RuntimeException e) {
            log.warn("Could not restore the session of account {}: {}", account, e.toString());
        }
    }

    private void retry(AccountId account, Duration after) {
        if (owned.owns(account) && pending.add(account)) {
            schedule(account, after.toNanos());
        }
    }

    /**
     * The account's start, no sooner than {@code notBefore} from now, in the next free slot: slots are
     * {@code 1 / starts-per-second} apart, and up to {@code burst} of them may lie in the past (the
     * tokens saved during a quiet spell), which then start at once.
     */
    private synchronized void schedule(AccountId account, long notBefore) {
        long now = nanoTime.getAsLong();
        long slot = Math.max(nextSlot, now + notBefore - burstNanos);
        nextSlot = slot + slotNanos;
        long delay = Math.max(slot - now, notBefore);
        scheduler.schedule(() -> restores.execute(() -> start(account)), delay + jitter(), TimeUnit.NANOSECONDS);
    }

    private long jitter() {
        return jitterNanos > 0 ? ThreadLocalRandom.current().nextLong(jitterNanos) : 0;
    }
}
