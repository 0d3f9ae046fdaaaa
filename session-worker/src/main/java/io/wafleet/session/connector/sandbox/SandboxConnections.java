package io.wafleet.session.connector.sandbox;

import io.wafleet.common.AccountId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

/**
 * This worker's connections to the shared sandbox network. A session that logs in or restores gets a
 * new connection id, registered as its account's live connection; if that replaced another live
 * connection, the network counts a conflict and kicks the older one: at once when it is in this
 * worker, otherwise on its own next send or keepalive, when it finds its registration gone.
 */
final class SandboxConnections {

    private final SandboxNetwork network;
    private final Clock clock;
    private final Duration timeout;
    /** The account's current session here, pending a scan or live: where scans, inbound messages and faults go. */
    private final ConcurrentMap<AccountId, SandboxSession> byAccount = new ConcurrentHashMap<>();
    /** This worker's live connections. */
    private final ConcurrentMap<String, SandboxSession> live = new ConcurrentHashMap<>();

    SandboxConnections(SandboxNetwork network, Clock clock, Duration timeout) {
        this.network = network;
        this.clock = clock;
        this.timeout = timeout;
    }

    Optional<SandboxSession> of(AccountId account) {
        return Optional.ofNullable(byAccount.get(account));
    }

    /** A session waiting for a scan: reachable by the account's id, not connected to the network yet. */
    void pending(SandboxSession session) {
        byAccount.put(session.account(), session);
    }

    /** Registers a new live connection for the session; answers its id. */
    String connect(SandboxSession session) {
        String connectionId = SandboxIds.connectionId();
        Instant now = clock.instant();
        Optional<String> replaced = network.register(session.account(), connectionId, now, now.plus(timeout));
        live.put(connectionId, session);
        byAccount.put(session.account(), session);
        replaced.ifPresent(older -> {
            network.count(SandboxNetwork.Counter.CONFLICTS);
            SandboxSession here = live.get(older);
            if (here != null) {
                here.kick(older);
            }
        });
        return connectionId;
    }

    /** The cheap check of every send: is this still the account's registered connection? */
    boolean isCurrent(SandboxSession session, String connectionId) {
        return connectionId.equals(network.registered(List.of(session.account())).get(session.account()));
    }

    /** The session hung up on this side; its registration goes with {@link #unregister} or {@link #disconnectAll}. */
    void hungUpLocally(SandboxSession session, String connectionId) {
        byAccount.remove(session.account(), session);
        if (connectionId != null) {
            live.remove(connectionId, session);
        }
    }

    /** A hung-up connection's registration goes, if still its own; nothing for a session that had none. */
    void unregister(AccountId account, String connectionId) {
        if (connectionId != null) {
            network.unregister(account, connectionId);
        }
    }

    /** Sessions that hung up together ({@link SandboxSession#hangUpLocally}): their registrations go in one write. */
    void disconnectAll(Map<AccountId, String> connections) {
        network.unregisterAll(connections);
    }

    /** The session was kicked: the registration is another connection's now and stays. */
    void forget(SandboxSession session, String connectionId) {
        byAccount.remove(session.account(), session);
        live.remove(connectionId, session);
    }

    /** Keeps this worker's connections live, and kicks those another connection replaced. */
    void keepAlive() {
        Map<String, SandboxSession> mine = Map.copyOf(live);
        if (mine.isEmpty()) {
            return;
        }
        network.refresh(mine.keySet(), clock.instant().plus(timeout));
        Set<AccountId> accounts = mine.values().stream().map(SandboxSession::account).collect(Collectors.toSet());
        Map<AccountId, String> registered = network.registered(accounts);
        mine.forEach((connectionId, session) -> {
            if (!connectionId.equals(registered.get(session.account()))) {
                session.kick(connectionId);
            }
        });
    }
}
