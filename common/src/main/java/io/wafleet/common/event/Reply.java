package io.wafleet.common.event;

import io.wafleet.common.AccountId;
import io.wafleet.common.connector.SessionStatus;

/**
 * A session worker's answer to a command that an HTTP call waits for, published on
 * {@link io.wafleet.common.Topics#REPLIES} keyed by the asking gateway instance. {@code error} is null on
 * success; otherwise it is a short code ({@code already_logged_in}, {@code no_pending_login}, ...) and
 * {@code message} says what happened.
 */
public record Reply(String correlationId, AccountId accountId, int schemaVersion, SessionStatus status, String qrCode,
                    Integer qrDuration, String pairCode, String error, String message) {

    public static final int SCHEMA_VERSION = 1;

    public boolean ok() {
        return error == null;
    }
}
