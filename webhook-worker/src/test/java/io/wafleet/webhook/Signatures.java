package io.wafleet.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** How a receiver checks the signatures of a delivery: an HMAC of its own, independent of the worker's code. */
public final class Signatures {

    private Signatures() {
    }

    public static boolean hubValid(String secret, byte[] body, String header) {
        return ("sha256=" + HexFormat.of().formatHex(hmac(secret, body))).equals(header);
    }

    public static boolean standardValid(String secret, String id, String timestamp, byte[] body, String header) {
        byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return ("v1," + Base64.getEncoder().encodeToString(hmac(secret, signed))).equals(header);
    }

    /** Asserts what a receiver checks: both header families present and consistent, both signatures valid for {@code secret}. */
    static void assertSignedWith(Receiver.Received request, String secret) {
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("X-Webhook-Timestamp")).isEqualTo(request.header("webhook-timestamp"));
        assertThat(request.header("webhook-id")).isEqualTo(request.header("X-Webhook-Id"));
        assertThat(hubValid(secret, request.body(), request.header("X-Hub-Signature-256"))).isTrue();
        assertThat(standardValid(secret, request.header("webhook-id"), request.header("webhook-timestamp"),
                request.body(), request.header("webhook-signature"))).isTrue();
    }

    private static byte[] hmac(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
