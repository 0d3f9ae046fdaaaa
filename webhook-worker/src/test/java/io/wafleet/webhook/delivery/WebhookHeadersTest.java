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
import java.util.Map;

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

    @Test
    void anAccountsHeadersAreAddedButCannotReplaceOurs() {
        Map<String, String> extra = Map.of("X-Tenant", "tenant-7", "X-Webhook-Id", "forged", "content-type", "text/plain",
                "Webhook-Signature", "v1,forged", "X-Hub-Signature-256", "sha256=00", "Host", "evil.example",
                "X-Account-Id", "mallory", "X-Webhook-Custom", "also ours");
        HttpHeaders headers = WebhookHeaders.forAttempt(EVENT, "alice-secret", BODY, 1_790_000_000L, extra);

        assertThat(headers.getFirst("X-Tenant")).isEqualTo("tenant-7");
        assertThat(headers.get("X-Webhook-Id")).containsExactly(EVENT.id());
        assertThat(headers.get("Content-Type")).containsExactly("application/json");
        assertThat(headers.get("X-Account-Id")).containsExactly("alice");
        assertThat(headers.containsHeader("Host")).isFalse();
        assertThat(headers.containsHeader("X-Webhook-Custom")).isFalse();
        assertThat(Signatures.hubValid("alice-secret", BODY, headers.getFirst("X-Hub-Signature-256"))).isTrue();
        assertThat(Signatures.standardValid("alice-secret", EVENT.id(), "1790000000", BODY,
                headers.getFirst("webhook-signature"))).isTrue();
    }

    @Test
    void malformedHeadersAreDropped() {
        Map<String, String> extra = Map.of("X-Split", "a\r\nX-Injected: yes", "Bad Name", "x", "X-Fine", "fine");
        HttpHeaders headers = WebhookHeaders.forAttempt(EVENT, "alice-secret", BODY, 1_790_000_000L, extra);

        assertThat(headers.containsHeader("X-Split")).isFalse();
        assertThat(headers.containsHeader("Bad Name")).isFalse();
        assertThat(headers.getFirst("X-Fine")).isEqualTo("fine");
    }

    // Field order is WafleetJson's (common writes "event", the external type id, after "payload").
    @Test
    void bodyIsTheContractsEventJson() {
        assertThat(WafleetJson.mapper().readTree(BODY).propertyNames())
                .containsExactlyInAnyOrder("id", "event", "account_id", "timestamp", "payload", "schema_version");
    }
}
