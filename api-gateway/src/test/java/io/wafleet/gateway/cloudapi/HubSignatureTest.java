package io.wafleet.gateway.cloudapi;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** Meta's {@code X-Hub-Signature-256}: {@code sha256=} and the hex HMAC-SHA256 of the raw body, keyed with the app secret. */
class HubSignatureTest {

    private static final byte[] BODY = """
            {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":\
            {"messaging_product":"whatsapp","messages":[{"from":"16505551234","id":"wamid.x","type":"text",\
            "text":{"body":"Hi"}}]},"field":"messages"}]}]}""".getBytes(StandardCharsets.UTF_8);

    @Test
    void acceptsTheKnownHmacVector() {
        // RFC 4231, test case 2: HMAC-SHA256("Jefe", "what do ya want for nothing?")
        byte[] data = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
        String header = "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
        assertThat(HubSignature.matches("Jefe", data, header)).isTrue();
        assertThat(HubSignature.matches("Jefe", data, header.toUpperCase().replace("SHA256", "sha256"))).isTrue();
    }

    @Test
    void acceptsASignatureComputedAsMetaDoes() throws Exception {
        assertThat(HubSignature.matches("app-secret", BODY, signature("app-secret", BODY))).isTrue();
    }

    @Test
    void refusesAnythingElse() throws Exception {
        String valid = signature("app-secret", BODY);
        byte[] changed = BODY.clone();
        changed[changed.length - 2] = ' ';
        assertThat(HubSignature.matches("app-secret", changed, valid)).as("another body").isFalse();
        assertThat(HubSignature.matches("other-secret", BODY, valid)).as("another secret").isFalse();
        assertThat(HubSignature.matches("app-secret", BODY, null)).as("no header").isFalse();
        assertThat(HubSignature.matches("app-secret", BODY, "")).as("an empty header").isFalse();
        assertThat(HubSignature.matches("app-secret", BODY, valid.substring("sha256=".length()))).as("no prefix").isFalse();
        assertThat(HubSignature.matches("app-secret", BODY, "sha1=" + valid.substring("sha256=".length())))
                .as("another scheme").isFalse();
        assertThat(HubSignature.matches("app-secret", BODY, valid.substring(0, valid.length() - 1))).as("cut").isFalse();
        assertThat(HubSignature.matches(null, BODY, valid)).as("an account without an app secret").isFalse();
    }

    @Test
    void comparesSecretsExactly() {
        assertThat(HubSignature.sameSecret("verify-me", "verify-me")).isTrue();
        assertThat(HubSignature.sameSecret("verify-me", "verify-mE")).isFalse();
        assertThat(HubSignature.sameSecret("verify-me", "verify-me ")).isFalse();
        assertThat(HubSignature.sameSecret("verify-me", null)).isFalse();
        assertThat(HubSignature.sameSecret(null, "verify-me")).isFalse();
    }

    /** Computed here with the JDK's Mac, independently of the code under test. */
    private static String signature(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }
}
