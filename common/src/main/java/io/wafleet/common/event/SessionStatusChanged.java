package io.wafleet.common.event;

import io.wafleet.common.connector.SessionStatus;

/** {@code session.status}: the account's session moved to {@code status}; {@code reason} says why when it is not plain. */
public record SessionStatusChanged(SessionStatus status, String reason, String phoneNumber, String deviceId, String owner)
        implements EventPayload {
}
