package io.wafleet.common.connector;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * The state of an account's session, as {@code GET /accounts} shows it and {@code session.status}
 * events report it.
 */
public enum SessionStatus {
    /** No session: never logged in, or closed. */
    DISCONNECTED,
    /** Opening the connection. */
    CONNECTING,
    /** Waiting for a QR scan or a pairing code to be entered on the phone. */
    SCAN_QR,
    /** Socket up, not yet authenticated. */
    CONNECTED,
    /** Authenticated: the account can send and receive. */
    LOGGED_IN,
    /** Logged out from the phone (or by a logout command); a new login is needed. */
    LOGGED_OUT,
    /** The session failed; the event's reason says why. */
    FAILED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static SessionStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
