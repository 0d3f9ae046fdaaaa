package io.wafleet.session.session;

import io.wafleet.common.AccountId;
import io.wafleet.session.WorkerId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

import java.util.function.Predicate;

/**
 * Giving sessions up: on revocation and on shutdown, cleanly (closed without logging out, lease given
 * back, {@code owner} cleared, so the next owner takes over at once); on a lost lease, at once and
 * silently (the next owner's writes win).
 */
@Component
class SessionHandover {

    private static final Logger log = LoggerFactory.getLogger(SessionHandover.class);

    private final SessionRegistry registry;
    private final SessionHolder holder;
    private final AccountStore accounts;
    private final SessionLeases leases;
    private final WorkerId worker;
    private final SessionMetrics metrics;

    SessionHandover(SessionRegistry registry, SessionHolder holder, AccountStore accounts, SessionLeases leases,
                    WorkerId worker, SessionMetrics metrics) {
        this.metrics = metrics;
        this.registry = registry;
        this.holder = holder;
        this.accounts = accounts;
        this.leases = leases;
        this.worker = worker;
    }

    /**
     * Hands over the sessions of the accounts this worker no longer owns: each is taken out of the
     * registry under its lock (no command reaches it after that), then they are closed together and
     * their {@code owner} marks cleared and leases given back in one update each, so a worker holding
     * hundreds of sessions lets go of them in a few round trips. If MongoDB cannot be reached the
     * leases simply expire.
     */
    void release(Predicate<AccountId> revoked) {
        List<ManagedSession> detached = new ArrayList<>();
        for (AccountId account : registry.accounts(revoked)) {
            registry.locked(account, () -> {
                ManagedSession held = registry.get(account);
                if (held != null && holder.detach(held)) {
                    detached.add(held);
                }
            });
        }
        if (detached.isEmpty()) {
            return;
        }
        try {
            holder.closeAll(detached);
        } catch (RuntimeException e) {
            log.warn("Could not close {} handed-over sessions cleanly: {}", detached.size(), e.toString());
        }
        List<SessionLeases.Lease> released = detached.stream()
                .map(session -> new SessionLeases.Lease(session.account(), session.epoch())).toList();
        try {
            accounts.releaseOwners(released, worker);
        } catch (DataAccessException e) {
            log.warn("Could not clear the owner of {} handed-over accounts: {}", released.size(), e.toString());
        }
        try {
            leases.release(released);
        } catch (DataAccessException e) {
            log.warn("Could not give back {} leases, they expire by themselves: {}", released.size(), e.toString());
        }
        log.info("Handed over {} sessions", released.size());
    }

    /** Hands over every session (the worker is stopping). */
    void releaseAll() {
        release(account -> true);
    }

    /**
     * The lease was not renewed in time or is someone else's now: the session stops at once, without
     * logging out or touching its login, and reports nothing more.
     */
    void leaseLost(SessionLeases.Lease lease) {
        metrics.leaseLost();
        log.warn("Lease of account {} (epoch {}) lost: closing its session without logging out",
                lease.account(), lease.epoch());
        holder.drop(lease.account(), lease.epoch());
    }
}
