package io.wafleet.session.connector.cloudapi;

import io.wafleet.common.connector.ConnectorException;
import tools.jackson.databind.JsonNode;

import java.util.Set;

/**
 * Meta's error answers ({@code {"error": {"message", "type", "code", "fbtrace_id"}}}) turned into a
 * connector failure with a stable reason and Meta's message.
 */
final class GraphErrors {

    /** Meta's throttling codes: app, account, business number and pair rate limits. */
    private static final Set<Integer> RATE_LIMITED = Set.of(4, 80007, 130429, 131048, 131056);
    private static final int INVALID_TOKEN = 190;

    private GraphErrors() {
    }

    static ConnectorException of(int status, JsonNode body) {
        JsonNode error = body.path("error");
        int code = error.path("code").asInt(0);
        String message = error.path("message").asString("no error message");
        if (status == 401 || code == INVALID_TOKEN) {
            return new ConnectorException("invalid_token", "Meta refused the access token: " + message);
        }
        if (status == 429 || RATE_LIMITED.contains(code)) {
            return new ConnectorException("rate_limited", "Meta is throttling this number: " + message);
        }
        return new ConnectorException("graph_api_error", "the Graph API answered " + status
                + (code == 0 ? "" : " (code " + code + ")") + ": " + message);
    }
}
