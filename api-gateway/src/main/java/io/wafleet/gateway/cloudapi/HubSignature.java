package io.wafleet.gateway.cloudapi;

import io.wafleet.common.webhook.WebhookSignature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Meta's webhook signature: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body, keyed
 * with the app secret>}. Compared in constant time, so the answer's timing tells nothing of the expected
 * value.
 */
final class HubSignature {

    static final String HEADER = "X-Hub-Signature-256";

    private HubSignature() {
    }

    static boolean matches(String appSecret, byte[] body, String header) {
        if (appSecret == null || appSecret.isEmpty() || header == null) {
            return false;
        }
        byte[] expected = WebhookSignature.hubSignature256(appSecret, body).getBytes(StandardCharsets.US_ASCII);
        // hex digits in either case: Meta sends lower case, a hand-made signature may not
        return MessageDigest.isEqual(expected, header.strip().toLowerCase(java.util.Locale.ROOT)
                .getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether two secrets are equal, in constant time. */
    static boolean sameSecret(String expected, String given) {
        return expected != null && given != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
