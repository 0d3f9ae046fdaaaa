package io.wafleet.common.event;

import io.wafleet.common.AccountId;
import io.wafleet.common.connector.GroupInfo;
import io.wafleet.common.connector.ParticipantResult;
import io.wafleet.common.connector.SessionStatus;
import io.wafleet.common.connector.WhatsAppUser;

import java.util.List;

/**
 * A session worker's answer to a command that an HTTP call waits for, published on
 * {@link io.wafleet.common.Topics#REPLIES} keyed by the asking gateway instance. {@code error} is null on
 * success; otherwise it is a short code ({@code already_logged_in}, {@code no_pending_login}, ...) and
 * {@code message} says what happened. {@code user} answers a {@code user.check} or {@code user.info};
 * {@code group} a {@code group.create}, {@code group.info} or {@code group.update_participants}, whose
 * {@code participants} are each participant's result (create and update only).
 */
public record Reply(String correlationId, AccountId accountId, int schemaVersion, SessionStatus status, String qrCode,
                    Integer qrDuration, String pairCode, String error, String message, WhatsAppUser user,
                    GroupInfo group, List<ParticipantResult> participants) {

    public static final int SCHEMA_VERSION = 1;

    /** A reply about the session (status, QR, pairing code) or an error, without a user. */
    public Reply(String correlationId, AccountId accountId, int schemaVersion, SessionStatus status, String qrCode,
                 Integer qrDuration, String pairCode, String error, String message) {
        this(correlationId, accountId, schemaVersion, status, qrCode, qrDuration, pairCode, error, message, null, null, null);
    }

    /** A reply about a user. */
    public static Reply user(String correlationId, AccountId accountId, WhatsAppUser user) {
        return new Reply(correlationId, accountId, SCHEMA_VERSION, null, null, null, null, null, null, user, null, null);
    }

    /** A reply about a group, with each participant's result when the group was changed. */
    public static Reply group(String correlationId, AccountId accountId, GroupInfo group, List<ParticipantResult> participants) {
        return new Reply(correlationId, accountId, SCHEMA_VERSION, null, null, null, null, null, null, null, group, participants);
    }

    public boolean ok() {
        return error == null;
    }
}
