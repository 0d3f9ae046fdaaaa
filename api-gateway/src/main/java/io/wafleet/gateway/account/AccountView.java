package io.wafleet.gateway.account;

import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * An account as the API shows it. {@code status} is a {@code SessionStatus} wire name;
 * {@code owner} is the session worker holding the session, empty when none does. {@code transport} is a
 * {@link Transport} wire name ({@code sandbox} for documents written before transports existed),
 * {@code proxy} the outbound proxy without its user and password (or null), and {@code cloudApi} is
 * set for {@code cloud_api} accounts only. No secret is ever part of it.
 */
public record AccountView(String id, String status, String statusReason, String phoneNumber, String deviceId,
                          Instant createdAt, Instant lastConnected, String owner, String transport, String proxy,
                          CloudApi cloudApi) {

    /** A Cloud API account's public settings: its phone number id and where Meta sends its webhooks. */
    public record CloudApi(String phoneNumberId, String webhookPath) {
    }

    static AccountView from(Document document) {
        String id = document.getString("_id");
        Transport transport = Transport.stored(document.get("transport"));
        return new AccountView(id,
                orDefault(document.get("status"), "disconnected"),
                stringOrNull(document.get("status_reason")),
                orDefault(document.get("phone_number"), ""),
                orDefault(document.get("device_id"), ""),
                instant(document.get("created_at")),
                instant(document.get("last_connected")),
                orDefault(document.get("owner"), ""),
                transport.wireName(),
                stringOrNull(document.get("proxy")),
                transport == Transport.CLOUD_API ? cloudApi(id, document.get("cloud_api")) : null);
    }

    /** The path of the account's Meta webhook, served by the gateway (callback URL = the gateway's base URL + it). */
    public static String webhookPath(String accountId) {
        return "/cloud-api/" + accountId + "/webhook";
    }

    /** Whether the account logs in with an access token ({@code cloud_api}) rather than by QR or pairing code (not a JSON property). */
    public boolean logsInWithToken() {
        return Transport.CLOUD_API.wireName().equals(transport);
    }

    private static CloudApi cloudApi(String id, Object settings) {
        String phoneNumberId = settings instanceof Map<?, ?> fields ? stringOrNull(fields.get("phone_number_id")) : null;
        return new CloudApi(phoneNumberId, webhookPath(id));
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
