package io.wafleet.session.session;

import io.wafleet.common.AccountId;
import io.wafleet.common.connector.ConnectorException;
import io.wafleet.common.connector.SessionStatus;
import io.wafleet.session.credentials.CredentialStore;
import io.wafleet.session.credentials.CredentialsUnreadableException;
import io.wafleet.session.credentials.StoredSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Brings a session back from its stored login, without a QR scan. A login the phone has dropped is
 * reported by the connector ({@code logged_out}); any other failure leaves the account {@code failed}
 * with the connector's reason, and its credentials stored for a later reconnect.
 */
final class SessionRestore {

    private static final Logger log = LoggerFactory.getLogger(SessionRestore.class);

    private final CredentialStore credentials;
    private final StatusReporter status;
    private final Duration timeout;

    SessionRestore(CredentialStore credentials, StatusReporter status, Duration timeout) {
        this.credentials = credentials;
        this.status = status;
        this.timeout = timeout;
    }

    Optional<ManagedSession> run(AccountId account, boolean muted, Function<StoredSession, ManagedSession> opener,
                                 Consumer<ManagedSession> closer) {
        Optional<StoredSession> stored = load(account, muted);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        ManagedSession managed = opener.apply(stored.get());
        try {
            ConnectorCalls.await(managed.session().restore(stored.get().credentials()), timeout);
        } catch (ConnectorException e) {
            if (!muted && managed.status() != SessionStatus.LOGGED_OUT) {
                status.report(managed, SessionStatus.FAILED, e.reason(), false);
            }
            closer.accept(managed);
            return Optional.empty();
        }
        if (!managed.loggedIn()) {
            // a connector that did not say so itself: a completed restore is a logged-in session
            managed.status(SessionStatus.LOGGED_IN);
            if (!muted) {
                status.report(managed, SessionStatus.LOGGED_IN, null, false);
            }
        }
        return Optional.of(managed);
    }

    private Optional<StoredSession> load(AccountId account, boolean muted) {
        try {
            return credentials.load(account);
        } catch (CredentialsUnreadableException e) {
            log.warn("Cannot restore account {}: {}", account, e.getMessage());
            if (!muted) {
                status.report(account, SessionStatus.FAILED, "credentials_unreadable", null, null, false);
            }
            return Optional.empty();
        }
    }
}
