package io.wafleet.session.connector.sandbox;

import io.wafleet.common.AccountId;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * What the simulated WhatsApp servers know of the fleet, shared by every worker: the live connection
 * of each account and the network's counters. A connection stays live while it is refreshed; one that
 * is not (its worker crashed or is paused) is dead, and replacing it is no conflict.
 */
interface SandboxNetwork {

    enum Counter {
        CONFLICTS("conflicts"), SENDS("sends"), DELIVERIES("deliveries");

        final String field;

        Counter(String field) {
            this.field = field;
        }
    }

    /**
     * Registers the connection as the account's live one, live until {@code liveUntil}.
     *
     * @return the id of the other connection it replaced, if that one was still live at {@code now}
     */
    Optional<String> register(AccountId account, String connectionId, Instant now, Instant liveUntil);

    /** Keeps these connections live until {@code liveUntil}, those still registered. */
    void refresh(Collection<String> connectionIds, Instant liveUntil);

    /** The connection registered for each of these accounts that has one. */
    Map<AccountId, String> registered(Collection<AccountId> accounts);

    /** Removes the account's registration if it still is this connection's. */
    void unregister(AccountId account, String connectionId);

    /** {@link #unregister} for many connections (connection ids are unique), in one go where the network can. */
    default void unregisterAll(Map<AccountId, String> connections) {
        connections.forEach(this::unregister);
    }

    /** Adds one to a fleet-wide counter, atomically. */
    void count(Counter counter);
}
