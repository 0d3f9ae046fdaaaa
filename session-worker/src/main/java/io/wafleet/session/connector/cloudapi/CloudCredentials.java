package io.wafleet.session.connector.cloudapi;

import io.wafleet.common.connector.CloudApiSettings;
import io.wafleet.common.connector.ConnectorException;
import io.wafleet.common.connector.Credentials;
import io.wafleet.common.json.WafleetJson;
import tools.jackson.databind.JsonNode;

/**
 * A Cloud API login as stored credentials: the settings it was checked with, as versioned JSON. The
 * worker seals credentials before they are stored, so the token is never at rest in clear.
 */
final class CloudCredentials {

    private static final int VERSION = 1;

    private CloudCredentials() {
    }

    static Credentials of(CloudApiSettings settings) {
        byte[] data = WafleetJson.mapper().writeValueAsBytes(WafleetJson.mapper().createObjectNode()
                .put("version", VERSION)
                .put("phone_number_id", settings.phoneNumberId())
                .put("access_token", settings.accessToken())
                .put("app_secret", settings.appSecret())
                .put("verify_token", settings.verifyToken()));
        return new Credentials(CloudApiConnector.NAME, data);
    }

    static CloudApiSettings read(Credentials credentials) {
        JsonNode node;
        try {
            node = WafleetJson.mapper().readTree(credentials.data());
        } catch (RuntimeException e) {
            throw unreadable();
        }
        if (!CloudApiConnector.NAME.equals(credentials.connector()) || node.path("version").asInt() != VERSION
                || !node.path("phone_number_id").isString() || !node.path("access_token").isString()) {
            throw unreadable();
        }
        return new CloudApiSettings(node.path("phone_number_id").asString(), node.path("access_token").asString(),
                node.path("app_secret").asString(null), node.path("verify_token").asString(null));
    }

    private static ConnectorException unreadable() {
        return new ConnectorException("credentials_unreadable", "the stored login is not a Cloud API login");
    }
}
