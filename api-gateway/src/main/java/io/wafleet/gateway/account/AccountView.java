package io.wafleet.gateway.account;

import org.bson.Document;

import java.time.Instant;
import java.util.Date;

/**
 * An account as the API shows it. {@code status} is a {@code SessionStatus} wire name;
 * {@code owner} is the session worker holding the session, empty when none does.
 */
public record AccountView(String id, String status, String statusReason, String phoneNumber, String deviceId,
                          Instant createdAt, Instant lastConnected, String owner) {

    static AccountView from(Document document) {
        return new AccountView(document.getString("_id"),
                orDefault(document.get("status"), "disconnected"),
                stringOrNull(document.get("status_reason")),
                orDefault(document.get("phone_number"), ""),
                orDefault(document.get("device_id"), ""),
                instant(document.get("created_at")),
                instant(document.get("last_connected")),
                orDefault(document.get("owner"), ""));
    }

    /** The rule for sends: a linked device, and not logged out from the phone. */
    public boolean canSend() {
        return !deviceId.isEmpty() && !"logged_out".equals(status);
    }

    private static String orDefault(Object value, String fallback) {
        return value == null ? fallback : value.toString();
    }

    private static String stringOrNull(Object value) {
        return value == null ? null : value.toString();
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Date date -> date.toInstant();
            case Instant instant -> instant;
            case String text when !text.isBlank() -> Instant.parse(text);
            case null, default -> null;
        };
    }
}
