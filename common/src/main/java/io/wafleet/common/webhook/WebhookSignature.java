package io.wafleet.common.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The signatures on every webhook delivery, so receivers can verify with either scheme. The key is
 * the account's webhook secret as UTF-8 bytes.
 * <ul>
 *   <li>{@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the exact body>} (go-whatsapp-web-multidevice, Meta);</li>
 *   <li>Standard Webhooks: {@code webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">}.</li>
 * </ul>
 */
public final class WebhookSignature {

    private static final String HMAC_SHA256 = "HmacSHA256";
    /** One {@link Mac} per thread: looking the algorithm up for every signature costs more than the HMAC. */
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(WebhookSignature::newMac);

    private WebhookSignature() {
    }

    public static String hubSignature256(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(secret, body));
    }

    public static String standardWebhooks(String secret, String webhookId, long timestampSeconds, byte[] body) {
        byte[] prefix = (webhookId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return "v1," + Base64.getEncoder().encodeToString(hmac(secret, signed));
    }

    private static byte[] hmac(String secret, byte[] data) {
        Mac mac = MACS.get();
        try {
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC_SHA256));
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("not a usable HMAC key", e);
        }
        return mac.doFinal(data);
    }

    private static Mac newMac() {
        try {
            return Mac.getInstance(HMAC_SHA256);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(HMAC_SHA256 + " is not available", e);
        }
    }
}
