package io.wafleet.session.session;

import io.wafleet.common.AccountId;
import io.wafleet.common.connector.SessionStatus;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The sessions this worker holds, at most one per account, and the per-account locks (striped) under
 * which they are opened, used and closed: the listener thread, the start queue and revocation never
 * drive one account's session at the same time.
 */
@Component
class SessionRegistry {

    private static final int STRIPES = 64;

    private final ConcurrentMap<AccountId, ManagedSession> sessions = new ConcurrentHashMap<>();
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    SessionRegistry() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    <T> T locked(AccountId account, Supplier<T> work) {
        ReentrantLock lock = locks[Math.floorMod(account.hashCode(), STRIPES)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    void locked(AccountId account, Runnable work) {
        locked(account, () -> {
            work.run();
            return null;
        });
    }

    ManagedSession get(AccountId account) {
        return sessions.get(account);
    }

    void put(ManagedSession session) {
        sessions.put(session.account(), session);
    }

    /** Forgets the session if it is still the account's current one. */
    boolean remove(ManagedSession session) {
        return sessions.remove(session.account(), session);
    }

    /** False for a session that was replaced or closed: its late reports must not change the account. */
    boolean isCurrent(ManagedSession session) {
        return sessions.get(session.account()) == session;
    }

    /** How many sessions are in this state now (read without locks: a gauge's view). */
    long count(SessionStatus status) {
        return sessions.values().stream().filter(session -> session.status() == status).count();
    }

    List<AccountId> accounts(Predicate<AccountId> filter) {
        return sessions.keySet().stream().filter(filter).toList();
    }
}
