package io.wafleet.session.session;

import io.wafleet.common.AccountId;
import org.springframework.stereotype.Component;

/** Until fenced leases exist: Kafka's partition assignment alone decides who holds an account. */
@Component
class UnfencedSessionLeases implements SessionLeases {

    @Override
    public boolean acquire(AccountId account) {
        return true;
    }

    @Override
    public void release(AccountId account) {
        // nothing held
    }
}
