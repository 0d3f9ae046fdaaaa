package io.wafleet.webhook.delivery;

import io.wafleet.common.event.Event;
import io.wafleet.common.webhook.WebhookSignature;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The headers of one delivery attempt. Both header families are always sent: the
 * go-whatsapp-web-multidevice / Meta style ({@code X-Hub-Signature-256}, {@code X-Webhook-*},
 * {@code X-Account-Id}) and Standard Webhooks ({@code webhook-id}, {@code webhook-timestamp},
 * {@code webhook-signature}). The timestamp is the attempt's own, so a retry is signed anew.
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

    private WebhookHeaders() {
    }

    static HttpHeaders forAttempt(Event event, String secret, byte[] body, long epochSeconds) {
        String timestamp = Long.toString(epochSeconds);
        HttpHeaders headers = new HttpHeaders();
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
}
