package io.wafleet.gateway.webhook;

import io.wafleet.gateway.web.ApiException;
import org.bson.Document;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How an account's events are delivered, beyond URL and secret. Each part is optional; {@code null}
 * means the default (every event type, the globally configured number of attempts, no extra headers)
 * and is stored as an absent field, so a seed-style two-field webhook has no policy at all.
 *
 * @param events      the event types delivered; the others are recorded as {@code filtered}
 * @param maxAttempts how many attempts before an event is dead-lettered (the backoff schedule is global)
 * @param headers     extra request headers, see {@link WebhookHeaders}
 */
record WebhookPolicy(List<String> events, Integer maxAttempts, Map<String, String> headers) {

    /** The event types of the contract a webhook can filter on. */
    static final Set<String> EVENT_TYPES = Set.of("message", "message.ack", "message.sent", "message.failed",
            "message.reaction", "message.revoked", "message.edited", "message.action", "chat_presence", "group.participants",
            "session.status", "session.qr", "session.pair_code", "command.rejected");
    static final int MAX_ATTEMPTS = 50;

    static final WebhookPolicy DEFAULT = new WebhookPolicy(null, null, null);

    /** The policy of a request, or a 400 naming the first field to fix. */
    static WebhookPolicy of(List<String> events, Number maxAttempts, Map<String, String> headers) {
        return new WebhookPolicy(events(events), maxAttempts(maxAttempts), WebhookHeaders.validate(headers));
    }

    static WebhookPolicy from(Document webhook) {
        List<String> events = webhook.getList("events", String.class);
        Object attempts = webhook.get("max_attempts");
        Document headers = webhook.get("headers", Document.class);
        return new WebhookPolicy(events, attempts instanceof Number n ? n.intValue() : null,
                headers == null ? null : WebhookHeaders.from(headers));
    }

    Document appendTo(Document webhook) {
        if (events != null) {
            webhook.append("events", events);
        }
        if (maxAttempts != null) {
            webhook.append("max_attempts", maxAttempts);
        }
        if (headers != null) {
            webhook.append("headers", new Document(headers));
        }
        return webhook;
    }

    private static List<String> events(List<String> events) {
        if (events == null) {
            return null;
        }
        if (events.isEmpty()) {
            throw ApiException.badRequest("events must not be empty; leave it out to receive every event type");
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String event : events) {
            if (event == null || !EVENT_TYPES.contains(event)) {
                throw ApiException.badRequest("events: unknown event type '" + shorten(event) + "'; known types are "
                        + String.join(", ", EVENT_TYPES.stream().sorted().toList()));
            }
            distinct.add(event);
        }
        return List.copyOf(distinct);
    }

    private static Integer maxAttempts(Number value) {
        if (value == null) {
            return null;
        }
        try {
            int attempts = new BigDecimal(value.toString()).intValueExact();
            if (attempts >= 1 && attempts <= MAX_ATTEMPTS) {
                return attempts;
            }
        } catch (ArithmeticException | NumberFormatException e) {
            // a fraction, or beyond int: refused below like any other value out of range
        }
        throw ApiException.badRequest("max_attempts must be a whole number from 1 to " + MAX_ATTEMPTS);
    }

    /** Echoes at most a short prefix of a bad value, so a stray long string does not flood the answer. */
    private static String shorten(String value) {
        if (value == null) {
            return "null";
        }
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
