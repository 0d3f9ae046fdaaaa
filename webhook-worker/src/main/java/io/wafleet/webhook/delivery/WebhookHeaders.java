package io.wafleet.webhook.delivery;

import io.wafleet.common.event.Event;
import io.wafleet.common.webhook.WebhookSignature;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The headers of one delivery attempt. Both header families are always sent: the
 * go-whatsapp-web-multidevice / Meta style ({@code X-Hub-Signature-256}, {@code X-Webhook-*},
 * {@code X-Account-Id}) and Standard Webhooks ({@code webhook-id}, {@code webhook-timestamp},
 * {@code webhook-signature}). The timestamp is the attempt's own, so a retry is signed anew.
 *
 * <p>An account's extra headers come first and can never replace these, nor the headers that frame
 * the request ({@code Content-Type}, {@code Content-Length}, {@code Host}, ...): those are dropped, as
 * are malformed names and values.
 */
final class WebhookHeaders {

    static final String HUB_SIGNATURE = "X-Hub-Signature-256";
    static final String WEBHOOK_ID = "X-Webhook-Id";
    static final String WEBHOOK_TIMESTAMP = "X-Webhook-Timestamp";
    static final String WEBHOOK_EVENT = "X-Webhook-Event";
    static final String ACCOUNT_ID = "X-Account-Id";
    static final String STANDARD_ID = "webhook-id";
    static final String STANDARD_TIMESTAMP = "webhook-timestamp";
    static final String STANDARD_SIGNATURE = "webhook-signature";

    private static final Set<String> FRAMING = Set.of("content-type", "content-length", "content-encoding",
            "transfer-encoding", "host", "connection", "keep-alive", "upgrade", "te", "trailer", "expect");

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private WebhookHeaders() {
    }

    static HttpHeaders forAttempt(Event event, String secret, byte[] body, long epochSeconds) {
        return forAttempt(event, secret, body, epochSeconds, Map.of());
    }

    static HttpHeaders forAttempt(Event event, String secret, byte[] body, long epochSeconds, Map<String, String> extra) {
        HttpHeaders headers = new HttpHeaders();
        extra.forEach((name, value) -> {
            if (!isReserved(name) && isWellFormed(name, value)) {
                headers.set(name, value);
            }
        });
        String timestamp = Long.toString(epochSeconds);
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(HUB_SIGNATURE, WebhookSignature.hubSignature256(secret, body));
        headers.set(WEBHOOK_ID, event.id());
        headers.set(WEBHOOK_TIMESTAMP, timestamp);
        headers.set(WEBHOOK_EVENT, event.event());
        headers.set(ACCOUNT_ID, event.accountId().value());
        headers.set(STANDARD_ID, event.id());
        headers.set(STANDARD_TIMESTAMP, timestamp);
        headers.set(STANDARD_SIGNATURE, WebhookSignature.standardWebhooks(secret, event.id(), epochSeconds, body));
        return headers;
    }

    /** An HTTP token as name, a value without line breaks or NUL: anything else could split the request. */
    private static boolean isWellFormed(String name, String value) {
        return TOKEN.matcher(name).matches() && value != null && value.chars().noneMatch(c -> c == '\r' || c == '\n' || c == 0);
    }

    /** The headers wafleet sets itself or that frame the request: an account's headers cannot set them. */
    static boolean isReserved(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return FRAMING.contains(lower) || lower.startsWith("x-webhook-") || lower.startsWith("webhook-")
                || lower.equals("x-hub-signature-256") || lower.equals("x-hub-signature") || lower.equals("x-account-id");
    }
}
