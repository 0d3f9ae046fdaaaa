package io.wafleet.session.connector.sandbox;

import io.wafleet.common.AccountId;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The shared network of several connectors (workers) in one test. */
final class InMemorySandboxNetwork implements SandboxNetwork {

    private record Registration(String connectionId, Instant liveUntil) {
    }

    private final Map<AccountId, Registration> registrations = new HashMap<>();
    private final Map<Counter, Long> counters = new EnumMap<>(Counter.class);

    @Override
    public synchronized Optional<String> register(AccountId account, String connectionId, Instant now, Instant liveUntil) {
        Registration previous = registrations.put(account, new Registration(connectionId, liveUntil));
        return previous != null && !previous.connectionId().equals(connectionId) && previous.liveUntil().isAfter(now)
                ? Optional.of(previous.connectionId()) : Optional.empty();
    }

    @Override
    public synchronized void refresh(Collection<String> connectionIds, Instant liveUntil) {
        registrations.replaceAll((account, registration) -> connectionIds.contains(registration.connectionId())
                ? new Registration(registration.connectionId(), liveUntil) : registration);
    }

    @Override
    public synchronized Map<AccountId, String> registered(Collection<AccountId> accounts) {
        Map<AccountId, String> found = new HashMap<>();
        accounts.forEach(account -> Optional.ofNullable(registrations.get(account))
                .ifPresent(registration -> found.put(account, registration.connectionId())));
        return found;
    }

    @Override
    public synchronized void unregister(AccountId account, String connectionId) {
        registrations.computeIfPresent(account, (id, registration) ->
                registration.connectionId().equals(connectionId) ? null : registration);
    }

    @Override
    public synchronized void count(Counter counter) {
        counters.merge(counter, 1L, Long::sum);
    }

    synchronized long counted(Counter counter) {
        return counters.getOrDefault(counter, 0L);
    }

    synchronized int live(Instant now) {
        return (int) registrations.values().stream().filter(registration -> registration.liveUntil().isAfter(now)).count();
    }
}
