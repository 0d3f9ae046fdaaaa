package io.wafleet.gateway.webhook;

import org.bson.Document;

/** A webhook as the API shows it: the secret is masked, {@code secret_set} tells whether one is stored. */
record WebhookView(String accountId, String webhookUrl, String secret, boolean secretSet) {

    static final String MASK = "********";

    static WebhookView from(Document document) {
        String secret = document.getString("webhook_secret");
        boolean set = secret != null && !secret.isEmpty();
        return new WebhookView(document.getString("_id"), orEmpty(document.getString("webhook_url")),
                set ? MASK : "", set);
    }

    static WebhookView none(String accountId) {
        return new WebhookView(accountId, "", "", false);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
