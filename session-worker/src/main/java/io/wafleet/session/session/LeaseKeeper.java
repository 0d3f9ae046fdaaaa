package io.wafleet.session.session;

import io.wafleet.session.SessionWorkerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Keeps this worker's leases: renews them all in one update every {@code renew-interval}, and, on
 * a thread of its own (so that a renewal stuck on an unreachable MongoDB cannot delay it), stops the
 * sessions whose lease reached its local deadline without a renewal. A session whose lease was lost
 * is queued for a new restore while this worker still owns its partition: it comes back as soon as
 * the lease is free. Runs before the command listeners start and stops after they stopped; stopping
 * hands over whatever sessions are left.
 */
@Component
class LeaseKeeper implements SmartLifecycle {

    /** Below the listener containers' phase: started before them, stopped after them. */
    static final int PHASE = Integer.MAX_VALUE - 1000;

    private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);

    private final SessionLeases leases;
    private final SessionHandover handover;
    private final StartQueue starts;
    private final OwnedPartitions owned;
    private final SessionWorkerProperties.Leases settings;
    private volatile ScheduledExecutorService timer;

    LeaseKeeper(SessionLeases leases, SessionHandover handover, StartQueue starts, OwnedPartitions owned,
                SessionWorkerProperties properties) {
        this.leases = leases;
        this.handover = handover;
        this.starts = starts;
        this.owned = owned;
        this.settings = properties.leases();
    }

    @Override
    public void start() {
        timer = Executors.newScheduledThreadPool(2, Thread.ofPlatform().name("wafleet-leases-", 0).daemon().factory());
        every(settings.renewInterval(), () -> stopLost(leases::renew, "renewal"));
        every(settings.checkInterval(), () -> stopLost(leases::overdue, "deadline check"));
    }

    @Override
    public void stop() {
        ScheduledExecutorService stopping = timer;
        timer = null;
        stopping.shutdownNow();
        try {
            stopping.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        handover.releaseAll();
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private void every(Duration interval, Runnable task) {
        timer.scheduleWithFixedDelay(task, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void stopLost(Supplier<List<SessionLeases.Lease>> call, String what) {
        List<SessionLeases.Lease> lost;
        try {
            lost = call.get();
        } catch (RuntimeException e) {
            // the deadline check stops the sessions if this goes on
            log.warn("Lease {} failed: {}", what, e.toString());
            return;
        }
        for (SessionLeases.Lease lease : lost) {
            try {
                handover.leaseLost(lease);
                if (owned.owns(lease.account())) {
                    starts.enqueue(lease.account());
                }
            } catch (RuntimeException e) {
                log.warn("Could not stop the session of account {}: {}", lease.account(), e.toString());
            }
        }
    }
}
