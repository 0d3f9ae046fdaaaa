package io.wafleet.webhook.endpoint;

/**
 * An account's webhook secret that does not open with this worker's master keys (sealed under a key
 * not configured, or altered): its events cannot be signed. The message names the account and key
 * ids, never a key or a secret.
 */
public class WebhookSecretUnreadableException extends RuntimeException {

    WebhookSecretUnreadableException(String message) {
        super(message);
    }
}
