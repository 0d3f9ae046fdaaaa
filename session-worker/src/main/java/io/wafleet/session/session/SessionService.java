package io.wafleet.session.session;

import io.wafleet.common.AccountId;
import io.wafleet.common.connector.Connector;
import io.wafleet.common.connector.ConnectorException;
import io.wafleet.common.connector.OutboundMessage;
import io.wafleet.common.connector.Session;
import io.wafleet.common.connector.SessionStatus;
import io.wafleet.session.SessionWorkerProperties;
import io.wafleet.session.WorkerId;
import io.wafleet.session.credentials.CredentialStore;
import io.wafleet.session.kafka.EventPublisher;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The life of the sessions this worker holds: logins, restores from stored credentials, logout,
 * reconnect and hand-over. Every operation runs under the account's lock; sessions are opened only
 * here ({@link #open}), after taking the account's lease.
 */
@Service
public class SessionService {

    private final SessionRegistry registry;
    private final Connector connector;
    private final CredentialStore credentials;
    private final StatusReporter status;
    private final SessionLeases leases;
    private final AccountStore accounts;
    private final EventPublisher publisher;
    private final WorkerId worker;
    private final Clock clock;
    private final Duration timeout;
    private final SessionRestore restore;

    SessionService(SessionRegistry registry, Connector connector, CredentialStore credentials, StatusReporter status,
                   SessionLeases leases, AccountStore accounts, EventPublisher publisher, WorkerId worker, Clock clock,
                   SessionWorkerProperties properties) {
        this.registry = registry;
        this.connector = connector;
        this.credentials = credentials;
        this.status = status;
        this.leases = leases;
        this.accounts = accounts;
        this.publisher = publisher;
        this.worker = worker;
        this.clock = clock;
        this.timeout = properties.sessions().callTimeout();
        this.restore = new SessionRestore(credentials, status, timeout);
    }

    /** True when the account has a logged-in session here, restored from its stored credentials if need be. */
    public boolean ensureLoggedIn(AccountId account) {
        return registry.locked(account, () -> liveOrRestored(account).isPresent());
    }

    Session.QrCode startQrLogin(AccountId account) {
        return registry.locked(account, () -> {
            refuseIfLoggedIn(account);
            return ConnectorCalls.await(open(account, false, null, null).session().loginWithQr(), timeout);
        });
    }

    String startCodeLogin(AccountId account, String phoneNumber) {
        return registry.locked(account, () -> {
            refuseIfLoggedIn(account);
            return ConnectorCalls.await(open(account, false, null, null).session().loginWithCode(phoneNumber), timeout);
        });
    }

    void send(AccountId account, OutboundMessage message) {
        registry.locked(account, () -> {
            ManagedSession live = liveOrRestored(account)
                    .orElseThrow(() -> new ConnectorException("not_logged_in", "the account has no logged-in session"));
            ConnectorCalls.await(live.session().send(message), timeout);
        });
    }

    SessionStatus reconnect(AccountId account) {
        return registry.locked(account, () -> {
            if (!credentials.exists(account)) {
                throw new ConnectorException("not_logged_in", "the account has no stored login to reconnect");
            }
            close(registry.get(account));
            return restore(account, false).map(ManagedSession::status).orElse(SessionStatus.LOGGED_OUT);
        });
    }

    /** Logs the device out and forgets it; the account ends {@code disconnected}, without a device. */
    void logout(AccountId account) {
        registry.locked(account, () -> {
            ManagedSession held = liveOrRestored(account).orElse(registry.get(account));
            if (held == null && !credentials.exists(account)) {
                throw new ConnectorException("not_logged_in", "the account has no session to log out");
            }
            logOutAndForget(held);
            credentials.delete(account);
            status.report(account, SessionStatus.DISCONNECTED, "logout", null, null, true);
        });
    }

    /** The account was deleted: its device is logged out and its login forgotten, without a word to the account. */
    void delete(AccountId account) {
        registry.locked(account, () -> {
            ManagedSession held = registry.get(account);
            if ((held == null || !held.loggedIn()) && credentials.exists(account)) {
                close(held);
                held = restore(account, true).orElse(null);
            }
            logOutAndForget(held);
            credentials.delete(account);
        });
    }

    /** A start-queue restore: only while this worker still owns the account and holds no session for it. */
    void restoreOwned(AccountId account, Predicate<AccountId> stillOwned) {
        registry.locked(account, () -> {
            if (stillOwned.test(account) && registry.get(account) == null) {
                restore(account, false);
            }
        });
    }

    /** Hand-over: closes (without logging out) the sessions of accounts this worker no longer owns. */
    void release(Predicate<AccountId> revoked) {
        for (AccountId account : registry.accounts(revoked)) {
            registry.locked(account, () -> {
                close(registry.get(account));
                accounts.releaseOwner(account, worker);
            });
        }
    }

    private Optional<ManagedSession> liveOrRestored(AccountId account) {
        ManagedSession live = registry.get(account);
        if (live != null && live.loggedIn()) {
            return Optional.of(live);
        }
        if (live != null && live.status() == SessionStatus.SCAN_QR) {
            return Optional.empty();
        }
        close(live);
        return credentials.exists(account) ? restore(account, false) : Optional.empty();
    }

    private Optional<ManagedSession> restore(AccountId account, boolean muted) {
        return restore.run(account, muted, stored -> open(account, muted, stored.phoneNumber(), stored.deviceId()),
                this::close);
    }

    private void refuseIfLoggedIn(AccountId account) {
        ManagedSession live = registry.get(account);
        if ((live != null && live.loggedIn()) || credentials.exists(account)) {
            throw new ConnectorException("already_logged_in", "the account is logged in; log out first");
        }
    }

    private ManagedSession open(AccountId account, boolean muted, String phone, String device) {
        close(registry.get(account));
        if (!leases.acquire(account)) {
            throw new ConnectorException("lease_held_elsewhere", "another worker holds the account's session");
        }
        ManagedSession managed = new ManagedSession(account, muted, phone, device);
        managed.attach(connector.open(account,
                new WorkerSessionListener(managed, registry, status, credentials, publisher, clock)));
        registry.put(managed);
        return managed;
    }

    private void logOutAndForget(ManagedSession held) {
        if (held != null && held.loggedIn()) {
            try {
                ConnectorCalls.await(held.session().logout(), timeout);
            } catch (ConnectorException e) {
                // the stored login is dropped anyway; the device may stay listed on the phone
            }
        }
        close(held);
    }

    private void close(ManagedSession session) {
        if (session != null && registry.remove(session)) {
            session.session().close();
            leases.release(session.account());
        }
    }
}
