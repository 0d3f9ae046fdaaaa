package io.wafleet.session.session;

import io.wafleet.common.AccountId;
import io.wafleet.common.connector.Connector;
import io.wafleet.session.credentials.CredentialStore;
import io.wafleet.session.kafka.EventPublisher;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one place where connector sessions are opened and closed: a session is opened only under a
 * freshly taken lease, and closing it (without logging out) gives the lease back. Callers hold the
 * account's lock, except {@link #drop}, which must not wait for it.
 */
@Component
class SessionHolder {

    /** What every session's listener reports to. */
    record Collaborators(SessionRegistry registry, StatusReporter status, CredentialStore credentials,
                         SessionLeases leases, EventPublisher publisher, MessageStore messages, Clock clock) {
    }

    private final Collaborators with;
    private final SessionReconnector reconnector;

    SessionHolder(SessionRegistry registry, StatusReporter status, CredentialStore credentials, SessionLeases leases,
                  EventPublisher publisher, MessageStore messages, Clock clock, SessionReconnector reconnector) {
        this.with = new Collaborators(registry, status, credentials, leases, publisher, messages, clock);
        this.reconnector = reconnector;
    }

    /**
     * Closes the account's current session, takes its lease and opens a new (not yet connected) one
     * through the transport's connector, with its settings.
     *
     * @throws LeaseUnavailableException when another worker holds the lease
     */
    ManagedSession open(AccountId account, Transports.Transport transport, boolean muted) {
        close(with.registry().get(account));
        long epoch = with.leases().acquire(account);
        ManagedSession managed = new ManagedSession(account, epoch, muted, transport.connector());
        try {
            managed.attach(transport.connector().open(account, new WorkerSessionListener(managed, with, reconnector::dropped),
                    transport.settings()));
        } catch (RuntimeException e) {
            with.leases().release(account, epoch);
            throw e;
        }
        with.registry().put(managed);
        return managed;
    }

    /** Closes the session without logging out (its login stays valid) and gives its lease back. */
    void close(ManagedSession session) {
        if (session != null && with.registry().remove(session)) {
            session.session().close();
            with.leases().release(session.account(), session.epoch());
        }
    }

    /**
     * Takes the session out of the registry, still open and holding its lease: the caller hands many
     * over at once, closing them with {@link #closeAll} and giving their leases back with
     * {@link SessionLeases#release(java.util.Collection)}. False when it was no longer current.
     */
    boolean detach(ManagedSession session) {
        return with.registry().remove(session);
    }

    /** Closes detached sessions without logging out, together per connector. */
    void closeAll(List<ManagedSession> detached) {
        detached.stream()
                .collect(Collectors.groupingBy(ManagedSession::connector, Collectors.mapping(ManagedSession::session, Collectors.toList())))
                .forEach(Connector::closeAll);
    }

    /**
     * The session's lease was lost: the connection is closed at once, without logging out, without
     * touching the login and without waiting for the account's lock (a command may hold it). Once out
     * of the registry the session reports nothing more.
     */
    void drop(AccountId account, long epoch) {
        ManagedSession held = with.registry().get(account);
        if (held != null && held.epoch() == epoch && with.registry().remove(held)) {
            held.session().close();
        }
    }
}
