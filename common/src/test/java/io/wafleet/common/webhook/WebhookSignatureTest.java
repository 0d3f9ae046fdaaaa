package io.wafleet.common.webhook;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    private static final byte[] BODY = "{\"id\":\"evt-1\",\"event\":\"message\"}".getBytes(StandardCharsets.UTF_8);

    /** Vector computed independently: printf '%s' BODY | openssl dgst -sha256 -hmac business-secret */
    @Test
    void hubSignatureIsHexHmacOfTheExactBody() {
        assertThat(WebhookSignature.hubSignature256("business-secret", BODY))
                .isEqualTo("sha256=b014af2225de0af47544720c9a124db517bc93b58bbedecf2d9f9a4ef1ffe59a");
    }

    /** Vector: printf '%s' "evt-1.1764133200.BODY" | openssl dgst -sha256 -hmac business-secret -binary | base64 */
    @Test
    void standardWebhooksSignsIdTimestampAndBody() {
        assertThat(WebhookSignature.standardWebhooks("business-secret", "evt-1", 1764133200L, BODY))
                .isEqualTo("v1,i/2mbeW2pyIc85h0NDpGwRPUcwKxKadGeNhpeuLOhJ4=");
    }

    @Test
    void anyChangeOfSecretOrBodyChangesTheSignature() {
        String base = WebhookSignature.hubSignature256("business-secret", BODY);
        assertThat(WebhookSignature.hubSignature256("personal-secret", BODY)).isNotEqualTo(base);
        assertThat(WebhookSignature.hubSignature256("business-secret", "{}".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(base);
    }
}
