package io.wafleet.gateway.webhook;

import io.wafleet.common.crypto.SealedField;
import org.bson.Document;
import org.bson.types.Binary;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A webhook as the API shows it: the secret is masked, {@code secret_set} tells whether one is stored.
 * Extra headers show their names with masked values: they often carry the receiver's credentials
 * ({@code Authorization}), write-only like the secret. {@code events}, {@code max_attempts} and
 * {@code headers} are null when not set (every event type, the global number of attempts, no extra headers).
 */
record WebhookView(String accountId, String webhookUrl, String secret, boolean secretSet, List<String> events,
                   Integer maxAttempts, Map<String, String> headers) {

    static final String MASK = "********";

    static WebhookView from(Document document) {
        boolean set = document.get(SealedField.WEBHOOK_SECRET.field()) instanceof Binary
                || document.get(SealedField.WEBHOOK_SECRET.plaintextField()) instanceof String plain && !plain.isEmpty();
        WebhookPolicy policy = WebhookPolicy.from(document);
        return new WebhookView(document.getString("_id"), orEmpty(document.getString("webhook_url")),
                set ? MASK : "", set, policy.events(), policy.maxAttempts(), masked(policy.headers()));
    }

    static WebhookView none(String accountId) {
        return new WebhookView(accountId, "", "", false, null, null, null);
    }

    private static Map<String, String> masked(Map<String, String> headers) {
        if (headers == null) {
            return null;
        }
        Map<String, String> masked = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.keySet().forEach(name -> masked.put(name, MASK));
        return masked;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
