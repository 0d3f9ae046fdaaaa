package io.wafleet.session.session;

import io.wafleet.common.AccountId;

import java.util.Collection;
import java.util.List;

/**
 * The guard against two live connections for one account: a fenced lease per account (owner, epoch,
 * expiry). A session is opened only once its lease is taken, and every write of its state is checked
 * against the lease's epoch; the lease is renewed in bulk while held and given back when the session
 * closes. A worker that cannot renew stops its sessions before the leases can expire for anyone else.
 */
interface SessionLeases {

    /** An account's lease as this worker held it, at an epoch. */
    record Lease(AccountId account, long epoch) {
    }

    /**
     * Takes the account's lease for a new session: free, expired, or already this worker's. Every
     * acquisition gets a higher epoch than any before it.
     *
     * @return the epoch of the lease taken
     * @throws LeaseUnavailableException when another worker holds it
     */
    long acquire(AccountId account);

    /**
     * True while this worker holds the account's lease at {@code epoch} with time to spare: the local
     * view, refreshed by renewals, which turns false a safety margin before the lease could expire.
     */
    boolean holds(AccountId account, long epoch);

    /** Gives the lease back if this worker still holds it at {@code epoch}; another owner's lease is left alone. */
    void release(AccountId account, long epoch);

    /** Gives these leases back, in one update; as {@link #release(AccountId, long)} for each. */
    void release(Collection<Lease> leases);

    /** Extends every lease held, in one update; answers those found no longer this worker's (no longer held). */
    List<Lease> renew();

    /** The leases whose local deadline passed without a renewal (no longer held). */
    List<Lease> overdue();
}
