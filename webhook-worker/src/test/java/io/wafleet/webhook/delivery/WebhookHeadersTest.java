package io.wafleet.webhook.delivery;

import io.wafleet.common.AccountId;
import io.wafleet.common.event.Event;
import io.wafleet.common.event.MessageReceived;
import io.wafleet.common.json.WafleetJson;
import io.wafleet.webhook.Signatures;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookHeadersTest {

    private static final Instant AT = Instant.parse("2026-11-26T05:00:00Z");
    private static final Event EVENT = Event.of("cmd-1", AccountId.of("alice"), AT,
            MessageReceived.text("3EB0AAAA", "6289876543210@s.whatsapp.net", "Budi", AT, "Hai"));
    private static final byte[] BODY = WafleetJson.mapper().writeValueAsBytes(EVENT);

    @Test
    void signaturesVerifyAgainstTheBodyWithTheAccountSecret() {
        HttpHeaders headers = WebhookHeaders.forAttempt(EVENT, "alice-secret", BODY, 1_790_000_000L);

        assertThat(Signatures.hubValid("alice-secret", BODY, headers.getFirst("X-Hub-Signature-256"))).isTrue();
        assertThat(Signatures.standardValid("alice-secret", headers.getFirst("webhook-id"),
                headers.getFirst("webhook-timestamp"), BODY, headers.getFirst("webhook-signature"))).isTrue();
        assertThat(Signatures.hubValid("other-secret", BODY, headers.getFirst("X-Hub-Signature-256"))).isFalse();
    }

    @Test
    void carriesTheEventsIdentityAndTheAttemptsTimestamp() {
        HttpHeaders headers = WebhookHeaders.forAttempt(EVENT, "alice-secret", BODY, 1_790_000_000L);

        assertThat(headers.getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(headers.getFirst("X-Webhook-Id")).isEqualTo(EVENT.id());
        assertThat(headers.getFirst("webhook-id")).isEqualTo(EVENT.id());
        assertThat(headers.getFirst("X-Webhook-Event")).isEqualTo("message");
        assertThat(headers.getFirst("X-Account-Id")).isEqualTo("alice");
        assertThat(headers.getFirst("X-Webhook-Timestamp")).isEqualTo("1790000000");
        assertThat(headers.getFirst("webhook-timestamp")).isEqualTo("1790000000");
    }

    @Test
    void aLaterAttemptIsSignedForItsOwnTimestamp() {
        HttpHeaders first = WebhookHeaders.forAttempt(EVENT, "alice-secret", BODY, 1_790_000_000L);
        HttpHeaders retry = WebhookHeaders.forAttempt(EVENT, "alice-secret", BODY, 1_790_000_007L);

        assertThat(retry.getFirst("webhook-signature")).isNotEqualTo(first.getFirst("webhook-signature"));
        assertThat(Signatures.standardValid("alice-secret", EVENT.id(), "1790000007", BODY,
                retry.getFirst("webhook-signature"))).isTrue();
        assertThat(retry.getFirst("X-Webhook-Id")).isEqualTo(first.getFirst("X-Webhook-Id"));
    }

    // Field order is WafleetJson's (common writes "event", the external type id, after "payload").
    @Test
    void bodyIsTheContractsEventJson() {
        assertThat(WafleetJson.mapper().readTree(BODY).propertyNames())
                .containsExactlyInAnyOrder("id", "event", "account_id", "timestamp", "payload", "schema_version");
    }
}
