package io.wafleet.common.event;

import io.wafleet.common.AccountId;
import io.wafleet.common.connector.SessionStatus;
import io.wafleet.common.connector.WhatsAppUser;

/**
 * A session worker's answer to a command that an HTTP call waits for, published on
 * {@link io.wafleet.common.Topics#REPLIES} keyed by the asking gateway instance. {@code error} is null on
 * success; otherwise it is a short code ({@code already_logged_in}, {@code no_pending_login}, ...) and
 * {@code message} says what happened. {@code user} answers a {@code user.check} or {@code user.info}.
 */
public record Reply(String correlationId, AccountId accountId, int schemaVersion, SessionStatus status, String qrCode,
                    Integer qrDuration, String pairCode, String error, String message, WhatsAppUser user) {

    public static final int SCHEMA_VERSION = 1;

    /** A reply about the session (status, QR, pairing code) or an error, without a user. */
    public Reply(String correlationId, AccountId accountId, int schemaVersion, SessionStatus status, String qrCode,
                 Integer qrDuration, String pairCode, String error, String message) {
        this(correlationId, accountId, schemaVersion, status, qrCode, qrDuration, pairCode, error, message, null);
    }

    public boolean ok() {
        return error == null;
    }
}
