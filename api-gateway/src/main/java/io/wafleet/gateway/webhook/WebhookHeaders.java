package io.wafleet.gateway.webhook;

import io.wafleet.gateway.web.ApiException;
import org.bson.Document;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for an account's extra webhook headers. A receiver must be able to trust the headers the
 * webhook worker sets (signature, event id, timestamp, account), and a header must not be able to
 * break the request's framing, so those names are reserved and values are printable ASCII (no line
 * breaks: a CR or LF in a value would let it smuggle further headers).
 */
final class WebhookHeaders {

    static final int MAX_HEADERS = 20;
    static final int MAX_NAME_LENGTH = 128;
    static final int MAX_VALUE_LENGTH = 2048;

    /**
     * An HTTP token (RFC 9110) without {@code .} and {@code $}: the names become field names of a
     * MongoDB document, where those two characters have a meaning.
     */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9!#%&'*+\\-^_`|~]+");
    private static final Set<String> RESERVED = Set.of("content-type", "content-length", "host",
            "x-hub-signature-256", "x-account-id",
            // hop-by-hop: they describe the connection, not the event, and would corrupt the request
            "connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade");
    private static final List<String> RESERVED_PREFIXES = List.of("x-webhook-", "webhook-");

    private WebhookHeaders() {
    }

    /** The headers of a request, unchanged, or a 400 naming the header to fix; none are stored as absent. */
    static Map<String, String> validate(Map<String, String> headers) {
        if (headers == null || headers.isEmpty()) {
            return null;
        }
        if (headers.size() > MAX_HEADERS) {
            throw ApiException.badRequest("headers: at most " + MAX_HEADERS + " custom headers, got " + headers.size());
        }
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, String> header : headers.entrySet()) {
            String name = name(header.getKey());
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw ApiException.badRequest("headers: '" + name + "' is given twice (names are case-insensitive)");
            }
            value(name, header.getValue());
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    static Map<String, String> from(Document headers) {
        Map<String, String> map = new LinkedHashMap<>();
        headers.forEach((name, value) -> map.put(name, value == null ? "" : value.toString()));
        return Collections.unmodifiableMap(map);
    }

    private static String name(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH || !NAME.matcher(name).matches()) {
            throw ApiException.badRequest("headers: '" + printable(name) + "' is not a valid header name: 1-"
                    + MAX_NAME_LENGTH + " letters, digits and !#%&'*+-^_`|~");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (RESERVED.contains(lower) || RESERVED_PREFIXES.stream().anyMatch(lower::startsWith)) {
            throw ApiException.badRequest("headers: '" + name + "' is reserved: the webhook worker sets it (reserved: "
                    + "Content-Type, Content-Length, Host, X-Hub-Signature-256, X-Account-Id, X-Webhook-*, "
                    + "Webhook-* and hop-by-hop headers)");
        }
        return name;
    }

    private static void value(String name, String value) {
        if (value == null) {
            throw ApiException.badRequest("headers: '" + name + "' needs a string value");
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            throw ApiException.badRequest("headers: the value of '" + name + "' must be at most "
                    + MAX_VALUE_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c > 0x7e) {
                throw ApiException.badRequest("headers: the value of '" + name + "' must be printable ASCII, "
                        + "without line breaks (CR, LF) or other control characters");
            }
        }
    }

    /** A bad name, safe to put in a message: control characters replaced, length bounded. */
    private static String printable(String name) {
        if (name == null) {
            return "";
        }
        String shown = name.length() <= 40 ? name : name.substring(0, 40) + "...";
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
