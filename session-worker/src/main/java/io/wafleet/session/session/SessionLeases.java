package io.wafleet.session.session;

import io.wafleet.common.AccountId;

/**
 * The guard against two live connections for one account: a session is opened only once its lease
 * is taken, and the lease is given back when the session closes. The fenced MongoDB implementation
 * (owner, epoch, expiry, renewed in bulk) replaces {@link UnfencedSessionLeases} in a later step.
 */
interface SessionLeases {

    /** Takes (or keeps) the account's lease for this worker; false if another worker holds it. */
    boolean acquire(AccountId account);

    void release(AccountId account);
}
