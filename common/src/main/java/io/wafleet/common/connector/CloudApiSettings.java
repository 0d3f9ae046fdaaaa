package io.wafleet.common.connector;

/**
 * An account's settings for Meta's WhatsApp Cloud API: the business phone number's id in the Graph
 * API, the access token that acts for it, the app secret that signs Meta's webhooks and the verify
 * token of their handshake. The three secrets are stored encrypted and never shown:
 * {@link #toString()} names only the phone number id.
 */
public record CloudApiSettings(String phoneNumberId, String accessToken, String appSecret, String verifyToken) {

    @Override
    public String toString() {
        return "CloudApiSettings[" + phoneNumberId + "]";
    }
}
