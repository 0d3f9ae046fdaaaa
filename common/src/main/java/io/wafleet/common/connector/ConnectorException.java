package io.wafleet.common.connector;

/** A connector call that could not be served; {@code reason} is a short stable code such as {@code not_logged_in}. */
public class ConnectorException extends RuntimeException {

    private final String reason;

    public ConnectorException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
