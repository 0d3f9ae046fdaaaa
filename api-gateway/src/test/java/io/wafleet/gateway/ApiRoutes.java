package io.wafleet.gateway;

import org.springframework.http.HttpMethod;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

/**
 * Every route of the gateway's controllers, each with a valid request, for {@link BadInputIT} to spoil.
 * Paths hold {@code {id}} for the account; a route added to a controller belongs here too.
 */
final class ApiRoutes {

    static final String TO = "6281234567890";
    static final List<String> MEDIA_KINDS = List.of("image", "file", "video", "audio", "sticker");
    /** Never reached: every request naming it is refused before the download. */
    private static final String MEDIA_URL = "http://127.0.0.1:9/media.bin";
    static final String MESSAGE_ID = "3EB0C431C26A1916E07F";
    static final String GROUP = "120363021234567890@g.us";

    /** The routes without a JSON body; {@code {id}-ev} is a delivery record of the account. */
    static final List<Route> BODYLESS = List.of(
            route(GET, "/accounts/{id}"), route(DELETE, "/accounts/{id}"),
            route(POST, "/accounts/{id}/login"), route(POST, "/accounts/{id}/logout"),
            route(POST, "/accounts/{id}/reconnect"), route(GET, "/accounts/{id}/webhook"),
            route(GET, "/accounts/{id}/webhook/deliveries"), route(GET, "/accounts/{id}/webhook/deliveries/{id}-ev"),
            route(POST, "/accounts/{id}/webhook/deliveries/{id}-ev/redeliver"), route(GET, "/accounts/{id}/messages"),
            route(POST, "/sandbox/accounts/{id}/scan"), route(POST, "/sandbox/accounts/{id}/duplicate-connection"));

    /** Routes without an account and without input to spoil but their method. */
    static final List<Route> OTHERS = List.of(route(GET, "/accounts"), route(GET, "/sandbox/stats"),
            route(GET, "/messages/m-1"), route(GET, "/media/65f0c0ffee65f0c0ffee65f0"), route(GET, "/qr/token.png"),
            route(GET, "/user/check"), route(GET, "/user/info"), route(GET, "/group/info"), route(GET, "/keys"),
            route(DELETE, "/keys/0000000000000000"), route(GET, "/cloud-api/{id}/webhook"),
            route(POST, "/cloud-api/{id}/webhook"));

    private ApiRoutes() {
    }

    /**
     * A route; for one that reads a JSON body, the fields a valid body requires and those it may leave
     * out ({@code required} is null for a route without a body).
     */
    record Route(HttpMethod method, String path, Map<String, Object> required, Map<String, Object> optional) {

        String at(String account) {
            return path.replace("{id}", account);
        }

        boolean readsJson() {
            return required != null;
        }

        /** Whether no body at all is a valid request (a bulk redelivery's is optional). */
        boolean bodyOptional() {
            return required.isEmpty();
        }

        /** A media send, which also takes a multipart form. */
        boolean takesMultipart() {
            return MEDIA_KINDS.stream().anyMatch(kind -> path.equals("/send/" + kind));
        }

        Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>(required);
            body.putAll(optional);
            return body;
        }

        Map<String, Object> with(String field, Object value) {
            Map<String, Object> body = body();
            body.put(field, value);
            return body;
        }

        Map<String, Object> without(String field) {
            Map<String, Object> body = body();
            body.remove(field);
            return body;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Every route that reads a JSON body, each with a valid body for {@code account}. */
    static List<Route> jsonRoutes(String account) {
        String future = Instant.now().plus(Duration.ofDays(1)).toString();
        List<Route> routes = new ArrayList<>(List.of(
                json("/accounts", fields("account_id", "bad-input-new"), Map.of()),
                json("/accounts/{id}/login-with-code", fields("phone_number", TO), Map.of()),
                json("/accounts/{id}/login-with-token", Map.of(), fields("access_token", "EAAtoken")),
                json("/keys", fields("scope", "account", "account_ids", List.of(account)), fields("name", "support")),
                json("/accounts/{id}/webhook", fields("webhook_url", "https://example.com/hook", "secret", "s3cret"),
                        fields("events", List.of("message"), "max_attempts", 3, "headers", Map.of("X-Tenant", "t1"))),
                json("/accounts/{id}/webhook/deliveries/redeliver", Map.of(), fields("outcome", "failed")),
                json("/sandbox/accounts/{id}/fault", fields("kind", "disconnect"), Map.of()),
                json("/sandbox/accounts/{id}/inbound", fields("from", TO, "message", "hi"), fields("from_name", "Budi")),
                send(account, "message", fields("message", "hi"),
                        fields("expires_at", future, "reply_message_id", "3EB0C431C26A1916E07F")),
                send(account, "location", fields("latitude", -6.175, "longitude", 106.827),
                        fields("name", "Monas", "address", "Jakarta", "expires_at", future)),
                send(account, "poll", fields("question", "Lunch?", "options", List.of("Sate", "Soto")),
                        fields("max_answer", 1, "expires_at", future)),
                send(account, "link", fields("link", "https://example.com/menu"),
                        fields("caption", "Menu", "expires_at", future)),
                send(account, "contact", fields("contact_name", "Budi", "contact_phone", "6289876543210"),
                        fields("expires_at", future))));
        routes.add(json("/send/presence", fields("account_id", account, "type", "available"), Map.of()));
        routes.add(json("/send/chat-presence", fields("account_id", account, "phone", TO, "action", "start"), Map.of()));
        for (String action : List.of("revoke", "delete", "read", "star", "unstar")) {
            routes.add(act(account, action, Map.of()));
        }
        routes.add(act(account, "reaction", fields("emoji", "\uD83D\uDC4D")));
        routes.add(act(account, "update", fields("message", "edited")));
        routes.add(act(account, "forward", fields("to", "6289876543210")));
        routes.add(json("/group", fields("account_id", account, "title", "Tim Jualan", "participants", List.of(TO)), Map.of()));
        for (String path : List.of("/group/participants", "/group/participants/remove", "/group/participants/promote",
                "/group/participants/demote")) {
            routes.add(json(path, fields("account_id", account, "group_id", GROUP, "participants", List.of(TO)), Map.of()));
        }
        routes.add(json("/group/leave", fields("account_id", account, "group_id", GROUP), Map.of()));
        for (String kind : MEDIA_KINDS) {
            Map<String, Object> optional = fields("expires_at", future);
            if (!kind.equals("audio") && !kind.equals("sticker")) {
                optional.put("caption", "a " + kind);
            }
            routes.add(send(account, kind, fields(kind + "_url", MEDIA_URL), optional));
        }
        return routes;
    }

    private static Route route(HttpMethod method, String path) {
        return new Route(method, path, null, null);
    }

    private static Route json(String path, Map<String, Object> required, Map<String, Object> optional) {
        return new Route(POST, path, required, optional);
    }

    private static Route send(String account, String kind, Map<String, Object> required, Map<String, Object> optional) {
        Map<String, Object> all = fields("account_id", account, "phone", TO);
        all.putAll(required);
        return json("/send/" + kind, all, optional);
    }

    /** An action on a message: {@code /message/{message_id}/<action>}. */
    private static Route act(String account, String action, Map<String, Object> required) {
        Map<String, Object> all = fields("account_id", account, "phone", TO);
        all.putAll(required);
        return json("/message/" + MESSAGE_ID + "/" + action, all, Map.of());
    }

    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }
}
