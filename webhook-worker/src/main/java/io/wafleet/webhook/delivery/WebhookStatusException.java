package io.wafleet.webhook.delivery;

/** The receiver answered with a status other than 2xx. Carries no body: receivers' answers are not logged. */
final class WebhookStatusException extends RuntimeException {

    private final int status;

    WebhookStatusException(int status) {
        super("webhook answered HTTP " + status, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
