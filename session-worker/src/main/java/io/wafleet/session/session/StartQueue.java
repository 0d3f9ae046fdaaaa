package io.wafleet.session.session;

import io.wafleet.common.AccountId;
import io.wafleet.session.SessionWorkerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Restores sessions at a bounded rate ({@code wafleet.restore.starts-per-second}), each start given a
 * slot of its own plus a random jitter, so that taking over many accounts is not a reconnect storm.
 * A start whose account was revoked before its slot is skipped. A start that finds the account's
 * lease still held elsewhere (its previous owner crashed and the lease has not expired yet) is tried
 * again when that lease is due to expire; one that cannot reach MongoDB, a lease duration later.
 */
@Component
class StartQueue {

    private static final Logger log = LoggerFactory.getLogger(StartQueue.class);
    private static final Duration MIN_RETRY = Duration.ofMillis(250);

    private final ScheduledExecutorService scheduler;
    private final SessionService sessions;
    private final OwnedPartitions owned;
    private final Clock clock;
    private final long slotNanos;
    private final long jitterNanos;
    private final Duration leaseDuration;
    private final Set<AccountId> pending = ConcurrentHashMap.newKeySet();
    private long nextSlot;

    StartQueue(ScheduledExecutorService workerScheduler, SessionService sessions, OwnedPartitions owned, Clock clock,
               SessionWorkerProperties properties) {
        this.scheduler = workerScheduler;
        this.sessions = sessions;
        this.owned = owned;
        this.clock = clock;
        this.slotNanos = TimeUnit.SECONDS.toNanos(1) / properties.restore().startsPerSecond();
        this.jitterNanos = properties.restore().jitter().toNanos();
        this.leaseDuration = properties.leases().duration();
    }

    synchronized void enqueue(AccountId account) {
        if (!pending.add(account)) {
            return;
        }
        long now = System.nanoTime();
        long slot = Math.max(nextSlot, now);
        nextSlot = slot + slotNanos;
        scheduler.schedule(() -> start(account), slot - now + jitter(), TimeUnit.NANOSECONDS);
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
            scheduler.schedule(() -> start(account), after.toNanos() + jitter(), TimeUnit.NANOSECONDS);
        }
    }

    private long jitter() {
        return jitterNanos > 0 ? ThreadLocalRandom.current().nextLong(jitterNanos) : 0;
    }
}
