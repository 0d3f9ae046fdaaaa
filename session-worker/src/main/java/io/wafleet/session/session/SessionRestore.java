package io.wafleet.session.session;

import io.wafleet.common.AccountId;
import io.wafleet.common.connector.ConnectorException;
import io.wafleet.common.connector.SessionStatus;
import io.wafleet.session.SessionWorkerProperties;
import io.wafleet.session.credentials.CredentialStore;
import io.wafleet.session.credentials.CredentialsUnreadableException;
import io.wafleet.session.credentials.StoredSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Brings a session back from its stored login, without a QR scan. The lease is taken first, so even
 * a failure is reported under it. A login the phone has dropped is reported by the connector
 * ({@code logged_out}); any other failure leaves the account {@code failed} with the connector's
 * reason, and its credentials stored for a later reconnect. When WhatsApp could not be reached
 * ({@link #TRANSIENT}: {@code unreachable}, {@code timeout}, {@code rate_limited}) the session stays
 * here, under its lease, and is retried with the reconnect backoff ({@link SessionReconnector}), as a
 * dropped connection is. Callers hold the account's lock.
 */
@Component
class SessionRestore {

    private static final Logger log = LoggerFactory.getLogger(SessionRestore.class);

    private final SessionHolder holder;
    private final CredentialStore credentials;
    private final StatusReporter status;
    private final Duration timeout;
    private final SessionMetrics metrics;
    private final Transports transports;
    private final SessionReconnector reconnector;

    /** Connector reasons that say "not now" rather than "not this login". */
    static final Set<String> TRANSIENT = Set.of("unreachable", "timeout", "rate_limited");

    SessionRestore(SessionHolder holder, CredentialStore credentials, StatusReporter status,
                   SessionWorkerProperties properties, SessionMetrics metrics, Transports transports,
                   SessionReconnector reconnector) {
        this.transports = transports;
        this.reconnector = reconnector;
        this.metrics = metrics;
        this.holder = holder;
        this.credentials = credentials;
        this.status = status;
        this.timeout = properties.sessions().callTimeout();
    }

    /**
     * The restored, logged-in session, or empty when it could not be restored.
     *
     * @throws LeaseUnavailableException when another worker holds the account's lease
     */
    Optional<ManagedSession> run(AccountId account, boolean muted) {
        ManagedSession managed = holder.open(account, transports.forStored(account), muted);
        try {
            return restore(managed);
        } catch (RuntimeException e) {
            holder.close(managed);
            throw e;
        }
    }

    private Optional<ManagedSession> restore(ManagedSession managed) {
        boolean muted = managed.muted();
        Optional<StoredSession> stored = load(managed);
        if (stored.isEmpty()) {
            metrics.restored(SessionMetrics.RestoreOutcome.NO_LOGIN);
            holder.close(managed);
            return Optional.empty();
        }
        managed.device(stored.get().phoneNumber(), stored.get().deviceId());
        try {
            ConnectorCalls.await(managed.session().restore(stored.get().credentials()), timeout);
        } catch (ConnectorException e) {
            if (!muted && managed.status() != SessionStatus.LOGGED_OUT) {
                status.report(managed, SessionStatus.FAILED, e.reason(), false);
            }
            metrics.restored(SessionMetrics.RestoreOutcome.FAILED);
            if (!muted && TRANSIENT.contains(e.reason()) && managed.status() != SessionStatus.LOGGED_OUT) {
                managed.status(SessionStatus.DISCONNECTED);
                reconnector.dropped(managed);
            } else {
                holder.close(managed);
            }
            return Optional.empty();
        }
        metrics.restored(SessionMetrics.RestoreOutcome.RESTORED);
        if (!managed.loggedIn()) {
            // a connector that did not say so itself: a completed restore is a logged-in session
            managed.status(SessionStatus.LOGGED_IN);
            if (!muted) {
                status.report(managed, SessionStatus.LOGGED_IN, null, false);
            }
        }
        return Optional.of(managed);
    }

    private Optional<StoredSession> load(ManagedSession managed) {
        try {
            return credentials.load(managed.account());
        } catch (CredentialsUnreadableException e) {
            log.warn("Cannot restore account {}: {}", managed.account(), e.getMessage());
            if (!managed.muted()) {
                status.report(managed, SessionStatus.FAILED, "credentials_unreadable", false);
            }
            return Optional.empty();
        }
    }
}
