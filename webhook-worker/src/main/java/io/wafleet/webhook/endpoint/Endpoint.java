package io.wafleet.webhook.endpoint;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A webhook to deliver to, with the account's policy. The secret never prints.
 *
 * @param url         where events are POSTed
 * @param secret      the key of the signatures
 * @param events      the event types delivered, or null for all of them
 * @param maxAttempts attempts per delivery, or null for the global setting
 * @param headers     extra request headers (never replacing the signature, id, timestamp or content headers)
 */
public record Endpoint(String url, String secret, Set<String> events, Integer maxAttempts, Map<String, String> headers) {

    public Endpoint {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        events = events == null ? null : Set.copyOf(events);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** A webhook without a policy of its own: every event, the global number of attempts, no extra headers. */
    public static Endpoint of(String url, String secret) {
        return new Endpoint(url, secret, null, null, Map.of());
    }

    /** Whether the account wants events of this type. */
    public boolean accepts(String eventType) {
        return events == null || events.contains(eventType);
    }

    @Override
    public String toString() {
        return "Endpoint[url=" + url + ", secret=***, events=" + events + ", maxAttempts=" + maxAttempts
                + ", headers=" + headers.keySet() + "]";
    }
}
