package io.wafleet.session.connector.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Runs the sandbox connections' keepalive every {@code wafleet.sandbox.keepalive-interval} while the worker runs. */
final class SandboxKeepalive implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SandboxKeepalive.class);

    private final SandboxConnector connector;
    private final ScheduledExecutorService scheduler;
    private final Duration interval;
    private volatile ScheduledFuture<?> task;

    SandboxKeepalive(SandboxConnector connector, ScheduledExecutorService scheduler, Duration interval) {
        this.connector = connector;
        this.scheduler = scheduler;
        this.interval = interval;
    }

    @Override
    public void start() {
        task = scheduler.scheduleWithFixedDelay(this::keepAlive, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
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

    /** With the lease keeper: stopped after the command listeners, once the sessions are handed over. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    private void keepAlive() {
        try {
            connector.keepAlive();
        } catch (RuntimeException e) {
            log.warn("Sandbox keepalive failed: {}", e.toString());
        }
    }
}
