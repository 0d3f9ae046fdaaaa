package io.wafleet.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Work done every {@code interval} while the worker runs, on the worker's scheduler, in a lifecycle
 * phase of its own (started after, and stopped before, the lower phases). A failed round is logged and
 * the next one runs as planned.
 */
public final class PeriodicTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    private final String name;
    private final Runnable work;
    private final ScheduledExecutorService scheduler;
    private final Duration interval;
    private final int phase;
    private volatile ScheduledFuture<?> task;

    public PeriodicTask(String name, Runnable work, ScheduledExecutorService scheduler, Duration interval, int phase) {
        this.name = name;
        this.work = work;
        this.scheduler = scheduler;
        this.interval = interval;
        this.phase = phase;
    }

    @Override
    public void start() {
        long millis = interval.toMillis();
        task = scheduler.scheduleWithFixedDelay(this::runOnce, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledFuture<?> running = task;
        task = null;
        if (running != null) {
            running.cancel(false);
        }
    }

    @Override
    public boolean isRunning() {
        return task != null;
    }

    @Override
    public int getPhase() {
        return phase;
    }

    private void runOnce() {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.warn("{} failed: {}", name, e.toString());
        }
    }
}
