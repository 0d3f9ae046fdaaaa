package io.wafleet.session.session;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code sessions} indicator of the readiness group: {@code OUT_OF_SERVICE} until the worker has
 * been assigned its command partitions and their sessions are restored ({@link RestoreProgress}), and
 * again from each later assignment until its restores are done. A rolling update thus waits for a new
 * worker to hold its share before it stops the next old one. Details: counts only.
 */
@Component("sessionsHealthIndicator")
class SessionsHealthIndicator implements HealthIndicator {

    private final RestoreProgress progress;

    SessionsHealthIndicator(RestoreProgress progress) {
        this.progress = progress;
    }

    @Override
    public Health health() {
        RestoreProgress.Snapshot now = progress.snapshot();
        return (now.restored() ? Health.up() : Health.outOfService())
                .withDetail("assigned", now.assigned())
                .withDetail("queued", now.queued())
                .withDetail("restoring", now.restoring())
                .build();
    }
}
