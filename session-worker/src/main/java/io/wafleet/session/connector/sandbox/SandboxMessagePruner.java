package io.wafleet.session.connector.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Deletes the carried messages the sandbox network has forgotten, every
 * {@code wafleet.sandbox.messages.prune-interval}, so its memory stays bounded on the embedded MongoDB-wire
 * server too (it has no TTL indexes). Every worker runs it: deleting twice is harmless.
 */
final class SandboxMessagePruner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SandboxMessagePruner.class);

    private final SandboxConnector connector;
    private final ScheduledExecutorService scheduler;
    private final Duration interval;
    private volatile ScheduledFuture<?> task;

    SandboxMessagePruner(SandboxConnector connector, ScheduledExecutorService scheduler, Duration interval) {
        this.connector = connector;
        this.scheduler = scheduler;
        this.interval = interval;
    }

    @Override
    public void start() {
        task = scheduler.scheduleWithFixedDelay(this::prune, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        task.cancel(false);
        task = null;
    }

    @Override
    public boolean isRunning() {
        return task != null;
    }

    private void prune() {
        try {
            long forgotten = connector.forgetExpiredMessages();
            log.debug("Sandbox network forgot {} carried messages", forgotten);
        } catch (RuntimeException e) {
            log.warn("Sandbox message pruning failed: {}", e.toString());
        }
    }
}
