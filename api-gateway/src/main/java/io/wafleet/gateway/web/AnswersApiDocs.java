package io.wafleet.gateway.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Describes what each endpoint answers: its success envelope with an example of its {@code results},
 * and the error envelopes it can give, each with its {@code code}. Every answer is an
 * {@link Envelope}, so springdoc sees one schema with untyped results; the examples show their shape.
 */
@Component
class AnswersApiDocs implements OpenApiCustomizer {

    private static final String MESSAGE_ID = "3EB0C431C26A1916E07F";
    private static final String COMMAND_ID = "0f8a3c52-6e0b-4f4e-9b43-4c1f0d6f7a21";
    private static final Map<String, Object> KEY = ordered("key_id", "3f9c2a1b7d4e6f80", "name", "support",
            "scope", "account", "account_ids", List.of("whatsapp_bisnis"), "created_at", "2026-11-26T10:15:30Z",
            "created_by", "the admin key", "revoked_at", null);
    private static final Map<String, Object> ACCOUNT = ordered("id", "whatsapp_bisnis", "status", "logged_in",
            "status_reason", null, "phone_number", "6281234567890", "device_id", "6281234567890:12",
            "created_at", "2026-11-26T10:15:30Z", "last_connected", "2026-11-26T10:16:02Z", "owner", "session-worker-1",
            "transport", "cloud_api", "proxy", "socks5://proxy.example.com:1080", "cloud_api", ordered(
                    "phone_number_id", "106540352242922", "webhook_path", "/cloud-api/whatsapp_bisnis/webhook"));
    private static final String CLOUD_WEBHOOK = "/cloud-api/";

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                describe(path, method, operation)));
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        ApiResponse ok = responses.get("200");
        boolean rawAnswer = path.equals("/media/{mediaId}") || path.startsWith("/qr/")
                || (path.startsWith(CLOUD_WEBHOOK) && method == PathItem.HttpMethod.GET);
        if (ok != null && ok.getContent() != null && !rawAnswer) {
            ok.getContent().values().forEach(media -> media.setExample(
                    envelope(200, "SUCCESS", "what was done", results(path, method))));
        }
        if (path.startsWith(CLOUD_WEBHOOK)) {
            describeCloudWebhook(method, responses);
        }
        error(responses, "400", "BAD_REQUEST", "phone must be 8-15 digits (country code first, no '+' or spaces), "
                + "or a WhatsApp id ending in @s.whatsapp.net or @g.us");
        if (!path.startsWith("/qr/") && !path.startsWith(CLOUD_WEBHOOK)) {
            error(responses, "401", "UNAUTHORIZED", "an API key is required: send it as 'Authorization: Bearer <key>' "
                    + "or 'X-Api-Key: <key>'");
            error(responses, "403", "FORBIDDEN", "this API key may not act on account 'whatsapp_bisnis'");
        }
        if (!path.startsWith(CLOUD_WEBHOOK)) {
            error(responses, "404", "NOT_FOUND", "account 'whatsapp_bisnis' does not exist");
        }
        if (actsThroughASession(path)) {
            error(responses, "409", "NOT_LOGGED_IN", "account 'whatsapp_bisnis' has no session to send from "
                    + "(status: disconnected); log it in first");
        }
        if (path.startsWith("/send/") && !path.contains("presence")) {
            error(responses, "429", "RATE_LIMITED", "account 'whatsapp_bisnis' may make 20 sends (wafleet.limits) "
                    + "per 1000 ms; try again in 350 ms");
        }
        if (path.matches("/send/(image|file|video|audio|sticker)")) {
            error(responses, "413", "PAYLOAD_TOO_LARGE", "the video is larger than 64 MB (wafleet.media.max-size.video)");
        }
        if (method != PathItem.HttpMethod.GET || path.startsWith("/user/") || path.startsWith("/group")) {
            error(responses, "503", "TIMEOUT", "no session worker answered within 20s; try again");
        }
        operation.setResponses(responses);
    }

    /** Meta's webhook: open, so its 401 and 403 are about the signature and the verify token, not a key. */
    private static void describeCloudWebhook(PathItem.HttpMethod method, ApiResponses responses) {
        if (method == PathItem.HttpMethod.GET) {
            error(responses, "403", "FORBIDDEN", "the verification request does not match this webhook");
        } else {
            error(responses, "400", "BAD_REQUEST", "the webhook body must be a JSON object");
            error(responses, "401", "UNAUTHORIZED", "the X-Hub-Signature-256 signature is missing or does not match this webhook");
            error(responses, "413", "PAYLOAD_TOO_LARGE", "the request body is too large; send a smaller body or file");
        }
    }

    private static boolean actsThroughASession(String path) {
        return path.startsWith("/send/") || path.startsWith("/message/") || path.startsWith("/user/")
                || path.startsWith("/group");
    }

    /** An example of the endpoint's {@code results}. */
    private static Object results(String path, PathItem.HttpMethod method) {
        if (path.startsWith("/send/presence") || path.startsWith("/send/chat-presence")) {
            return ordered("command_id", COMMAND_ID, "status", "queued");
        }
        if (path.startsWith("/send/")) {
            return ordered("message_id", MESSAGE_ID, "status", "queued");
        }
        if (path.startsWith("/message/")) {
            return ordered("message_id", MESSAGE_ID, "command_id", COMMAND_ID, "status", "queued");
        }
        return switch (path) {
            case "/accounts" -> method == PathItem.HttpMethod.GET ? List.of(ACCOUNT) : ACCOUNT;
            case "/accounts/{id}" -> method == PathItem.HttpMethod.DELETE ? Map.of("account_id", "whatsapp_bisnis") : ACCOUNT;
            case "/accounts/{id}/login" -> ordered("qr_link", "http://localhost:3000/qr/Xc9m2LQ0.png", "qr_duration", 60,
                    "qr_code", "2@Q1x8yZ...");
            case "/accounts/{id}/login-with-code" -> Map.of("pair_code", "K7QX-M2PD");
            case "/accounts/{id}/logout", "/accounts/{id}/reconnect", "/accounts/{id}/login-with-token" ->
                    ordered("account_id", "whatsapp_bisnis", "status", path.endsWith("logout") ? "disconnected" : "logged_in");
            case "/messages/{messageId}" -> ordered("message_id", MESSAGE_ID, "account_id", "whatsapp_bisnis",
                    "to", "6281234567890", "type", "text", "status", "read", "reason", null,
                    "created_at", "2026-11-26T10:15:30Z", "sent_at", "2026-11-26T10:15:30Z",
                    "delivered_at", "2026-11-26T10:15:31Z", "read_at", "2026-11-26T10:15:40Z");
            case "/user/check" -> ordered("phone", "6281234567890", "is_on_whatsapp", true, "jid", "6281234567890@s.whatsapp.net");
            case "/user/info" -> ordered("phone", "6281234567890", "jid", "6281234567890@s.whatsapp.net",
                    "verified_name", null, "status", "Hey there! I am using WhatsApp.", "picture_id", null,
                    "presence", "available", "last_seen", "2026-11-26T10:15:30Z", "devices", List.of("6281234567890:0"));
            case "/keys" -> method == PathItem.HttpMethod.GET ? List.of(KEY) : ordered("key",
                    "wfk_3f9c2a1b7d4e6f80_q8Jx0b1Yc2Zd3...", "key_id", "3f9c2a1b7d4e6f80", "name", "support",
                    "scope", "account", "account_ids", List.of("whatsapp_bisnis"), "created_at", "2026-11-26T10:15:30Z");
            case "/keys/{keyId}" -> KEY;
            case "/cloud-api/{id}/webhook" -> Map.of("account_id", "whatsapp_bisnis");
            default -> Map.of();
        };
    }

    private static void error(ApiResponses responses, String status, String code, String message) {
        if (responses.containsKey(status)) {
            return;
        }
        responses.addApiResponse(status, new ApiResponse().description(code).content(new Content().addMediaType(
                org.springframework.http.MediaType.APPLICATION_JSON_VALUE, new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/Envelope"))
                        .example(envelope(Integer.parseInt(status), code, message, null)))));
    }

    private static Map<String, Object> envelope(int status, String code, String message, Object results) {
        return ordered("status", status, "code", code, "message", message, "results", results);
    }

    private static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }
}
