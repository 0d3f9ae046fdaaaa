package io.wafleet.session.session;

import io.wafleet.common.AccountId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Another worker holds the account's lease, so no session may be opened here yet. Not a failure of
 * the command: the Kafka error handler retries it until the lease is free (it expires by itself when
 * its holder is gone), and the start queue tries a restore again when the lease is due to expire.
 */
public class LeaseUnavailableException extends RuntimeException {

    private final transient AccountId account;
    private final transient Instant heldUntil;

    LeaseUnavailableException(AccountId account, String holder, Instant heldUntil) {
        super("the session of account " + account + " is held by " + holder + " until " + heldUntil, null, false, false);
        this.account = account;
        this.heldUntil = heldUntil;
    }

    public AccountId account() {
        return account;
    }

    /** How long until the holder's lease expires unless renewed (zero when unknown or past). */
    Duration retryAfter(Clock clock) {
        if (heldUntil == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), heldUntil);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
