package io.wafleet.infra.bench;

import io.wafleet.common.json.WafleetJson;
import tools.jackson.databind.JsonNode;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the {@code session.status} events published from now on, as a webhook receiver would see
 * them: when each account was first reported {@code logged_in}, and by which worker. The hand-over
 * times come from here, not from polling MongoDB, so measuring costs the fleet nothing.
 */
final class StatusWatch implements AutoCloseable {

    private record LoggedIn(String owner, long receivedNanos) {
    }

    private final Map<String, LoggedIn> loggedIn = new ConcurrentHashMap<>();
    private final EventsTail tail;

    StatusWatch(String bootstrapServers) {
        tail = new EventsTail(bootstrapServers, "bench-status-watch", this::read);
    }

    /** Receipt times (nanoTime) of the first {@code logged_in} of each account reported by one of these workers. */
    long[] loggedInOn(Collection<String> owners) {
        return loggedIn.values().stream().filter(event -> owners.contains(event.owner()))
                .mapToLong(LoggedIn::receivedNanos).sorted().toArray();
    }

    long countOn(Collection<String> owners) {
        return loggedIn.values().stream().filter(event -> owners.contains(event.owner())).count();
    }

    private void read(byte[] value, long receivedNanos) {
        JsonNode event = WafleetJson.mapper().readTree(value);
        JsonNode payload = event.path("payload");
        if ("session.status".equals(event.path("event").asString()) && "logged_in".equals(payload.path("status").asString())) {
            loggedIn.putIfAbsent(event.path("account_id").asString(), new LoggedIn(payload.path("owner").asString(), receivedNanos));
        }
    }

    @Override
    public void close() throws InterruptedException {
        tail.close();
    }
}
