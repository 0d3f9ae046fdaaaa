package io.wafleet.session.session;

import io.wafleet.common.connector.ConnectorException;
import io.wafleet.common.connector.SessionStatus;
import io.wafleet.session.SessionWorkerProperties;
import io.wafleet.session.credentials.CredentialStore;
import io.wafleet.session.credentials.CredentialsUnreadableException;
import io.wafleet.session.credentials.StoredSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Brings back a logged-in session whose connection dropped: attempts scheduled with exponential
 * backoff ({@code wafleet.sessions.reconnect}), each reporting {@code connecting} and restoring the
 * same session from its stored login, under its lease. Attempts stop once the session is back, was
 * replaced or closed (a command restores it on its own), lost its lease, or was logged out from the
 * phone; when they run out the account is left {@code failed} with its login kept.
 */
@Component
class SessionReconnector {

    private static final Logger log = LoggerFactory.getLogger(SessionReconnector.class);

    private final SessionRegistry registry;
    private final CredentialStore credentials;
    private final StatusReporter status;
    private final ScheduledExecutorService scheduler;
    private final ExponentialBackOff backOff;
    private final Duration timeout;

    SessionReconnector(SessionRegistry registry, CredentialStore credentials, StatusReporter status,
                       ScheduledExecutorService workerScheduler, SessionWorkerProperties properties) {
        this.registry = registry;
        this.credentials = credentials;
        this.status = status;
        this.scheduler = workerScheduler;
        this.timeout = properties.sessions().callTimeout();
        SessionWorkerProperties.Reconnect policy = properties.sessions().reconnect();
        this.backOff = new ExponentialBackOff(policy.initialInterval().toMillis(), policy.multiplier());
        this.backOff.setMaxInterval(policy.maxInterval().toMillis());
        this.backOff.setJitter(policy.jitter().toMillis());
        this.backOff.setMaxAttempts(policy.maxAttempts());
    }

    /** The session's connection dropped: reconnect attempts begin after the first backoff interval. */
    void dropped(ManagedSession managed) {
        schedule(managed, backOff.start());
    }

    private void schedule(ManagedSession managed, BackOffExecution attempts) {
        long delay = attempts.nextBackOff();
        if (delay == BackOffExecution.STOP) {
            registry.locked(managed.account(), () -> giveUp(managed));
            return;
        }
        scheduler.schedule(() -> attempt(managed, attempts), delay, TimeUnit.MILLISECONDS);
    }

    private void attempt(ManagedSession managed, BackOffExecution attempts) {
        boolean again;
        try {
            again = registry.locked(managed.account(), () -> reconnect(managed));
        } catch (RuntimeException e) {
            log.warn("Reconnect of account {} failed: {}", managed.account(), e.toString());
            managed.status(SessionStatus.DISCONNECTED);
            again = true;
        }
        if (again) {
            schedule(managed, attempts);
        }
    }

    /** One attempt; true when another one is needed. */
    private boolean reconnect(ManagedSession managed) {
        if (!registry.isCurrent(managed) || managed.status() != SessionStatus.DISCONNECTED) {
            return false;
        }
        managed.status(SessionStatus.CONNECTING);
        if (!status.report(managed, SessionStatus.CONNECTING, null, false)) {
            return false;
        }
        Optional<StoredSession> stored = load(managed);
        if (stored.isEmpty()) {
            return false;
        }
        try {
            ConnectorCalls.await(managed.session().restore(stored.get().credentials()), timeout);
        } catch (ConnectorException e) {
            if (managed.status() == SessionStatus.LOGGED_OUT) {
                return false;
            }
            log.info("Reconnect of account {} failed ({}); trying again", managed.account(), e.reason());
            managed.status(SessionStatus.DISCONNECTED);
            return true;
        }
        if (!managed.loggedIn()) {
            managed.status(SessionStatus.LOGGED_IN);
            status.report(managed, SessionStatus.LOGGED_IN, null, false);
        }
        return false;
    }

    private Optional<StoredSession> load(ManagedSession managed) {
        try {
            Optional<StoredSession> stored = credentials.load(managed.account());
            if (stored.isEmpty()) {
                managed.status(SessionStatus.DISCONNECTED);
            }
            return stored;
        } catch (CredentialsUnreadableException e) {
            managed.status(SessionStatus.FAILED);
            status.report(managed, SessionStatus.FAILED, "credentials_unreadable", false);
            return Optional.empty();
        }
    }

    private void giveUp(ManagedSession managed) {
        if (registry.isCurrent(managed) && managed.status() == SessionStatus.DISCONNECTED) {
            managed.status(SessionStatus.FAILED);
            status.report(managed, SessionStatus.FAILED, "reconnect_failed", false);
        }
    }
}
