package io.wafleet.gateway;

import io.wafleet.gateway.ApiRoutes.Route;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.springframework.http.HttpMethod;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static io.wafleet.gateway.ApiRoutes.BODYLESS;
import static io.wafleet.gateway.ApiRoutes.TO;
import static io.wafleet.gateway.FuzzValues.encode;
import static io.wafleet.gateway.FuzzValues.encoded;
import static io.wafleet.gateway.FuzzValues.text;
import static io.wafleet.gateway.FuzzValues.write;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * Requests that must be refused, made for an existing, linked account: every one is invalid by
 * construction (malformed or non-object JSON, a field of the wrong type, a required field missing or
 * blank, a value beyond its limit, an account id that cannot be one or names no account, a wrong
 * content type, method, query parameter, Idempotency-Key or multipart form), so each must get a 4xx
 * and change nothing.
 */
final class RefusedRequests {

    private final String account;
    private final List<Route> routes;

    RefusedRequests(String account) {
        this.account = account;
        this.routes = ApiRoutes.jsonRoutes(account);
    }

    Arbitrary<FuzzRequest> any() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, malformedJson()), Tuple.of(4, fieldOfTheWrongType()), Tuple.of(2, missingOrBlank()),
                Tuple.of(1, hugeValue()), Tuple.of(2, invalidAccountInPath()), Tuple.of(2, invalidAccountInBody()),
                Tuple.of(2, unknownAccount()), Tuple.of(2, wrongContentType()), Tuple.of(1, wrongMethod()),
                Tuple.of(1, badQuery()), Tuple.of(1, badIdempotencyKey()), Tuple.of(2, new MediaForms(account).refused()));
    }

    private Arbitrary<Route> route() {
        return Arbitraries.of(routes);
    }

    Arbitrary<FuzzRequest> malformedJson() {
        return route().flatMap(route -> {
            String path = route.at(account);
            String valid = write(route.body());
            String open = valid.substring(0, valid.length() - 1) + (route.body().isEmpty() ? "" : ",");
            Arbitrary<FuzzRequest> truncated = Arbitraries.integers().between(route.bodyOptional() ? 1 : 0, valid.length() - 1)
                    .map(cut -> FuzzRequest.json("truncated JSON", path, valid.substring(0, cut)));
            Arbitrary<FuzzRequest> notAnObject = FuzzValues.json(2)
                    .filter(value -> !(value instanceof Map) && (value != null || !route.bodyOptional()))
                    .map(value -> FuzzRequest.json("a JSON body that is not an object", path, write(value)));
            Arbitrary<FuzzRequest> garbage = Combinators.combine(Arbitraries.of("[]\"0123456789-tfnxz<#/'}:,".chars()
                            .mapToObj(c -> String.valueOf((char) c)).toList()), text(5))
                    .as((first, rest) -> FuzzRequest.json("not JSON", path, first + rest));
            Arbitrary<FuzzRequest> rawControl = Combinators.combine(text(2), Arbitraries.chars().range('\u0000', '\u001F'), text(2))
                    .as((before, control, after) -> FuzzRequest.json("a raw control character in a string", path,
                            open + "\"note\":\"" + escape(before) + control + escape(after) + "\"}"));
            Arbitrary<FuzzRequest> badUtf8 = Arbitraries.of(List.of(new byte[]{(byte) 0x80}, new byte[]{(byte) 0xBF},
                            new byte[]{(byte) 0xC3, '('}, new byte[]{(byte) 0xFF}, new byte[]{(byte) 0xF8, (byte) 0x88},
                            new byte[]{(byte) 0xE2, (byte) 0x82}))
                    .map(bytes -> badUtf8(path, open, bytes));
            Arbitrary<FuzzRequest> deep = Combinators.combine(Arbitraries.integers().between(1_001, 5_000),
                            Arbitraries.of("[", "{\"a\":", "[{\"a\":"), Arbitraries.of(route.body().keySet().isEmpty()
                                    ? Set.of("outcome") : route.body().keySet()), Arbitraries.of(true, false))
                    .as((depth, opener, field, closed) -> FuzzRequest.json("JSON nested " + depth + " deep", path,
                            write(route.with(field, "DEEP")).replace("\"DEEP\"", opener.repeat(depth)
                                    + (closed ? "1" + closer(opener).repeat(depth) : ""))));
            Arbitrary<FuzzRequest> trailing = Arbitraries.of("}", "]", "x", "{}", ",", "\"", "1")
                    .map(junk -> FuzzRequest.json("a valid body with trailing junk", path, valid + junk));
            return Arbitraries.oneOf(truncated, notAnObject, garbage, rawControl, badUtf8, deep, trailing);
        });
    }

    Arbitrary<FuzzRequest> fieldOfTheWrongType() {
        return route().flatMap(route -> Arbitraries.of(route.body().keySet()).flatMap(field ->
                FuzzValues.wrongType(field, route.body().get(field)).map(wrong -> FuzzRequest.json(
                        field + " of the wrong type", route.at(account), write(route.with(field, wrong))))));
    }

    Arbitrary<FuzzRequest> missingOrBlank() {
        return route().filter(route -> !route.required().isEmpty()).flatMap(route -> Arbitraries.of(route.required().keySet())
                .flatMap(field -> Arbitraries.oneOf(
                        Arbitraries.just(FuzzRequest.json("without " + field, route.at(account), write(route.without(field)))),
                        Arbitraries.just(FuzzRequest.json(field + " null", route.at(account), write(route.with(field, null)))),
                        FuzzValues.blank(field, route.body().get(field)).map(blank -> FuzzRequest.json(
                                field + " blank", route.at(account), write(route.with(field, blank)))))));
    }

    /** Beyond every limit (from_name is cut to its limit by design, so not refused); or a body over 1 MB. */
    Arbitrary<FuzzRequest> hugeValue() {
        return route().flatMap(route -> Arbitraries.of(route.body().keySet()).filter(field -> !field.equals("from_name"))
                .flatMap(field -> {
                    Object valid = route.body().get(field);
                    Arbitrary<Object> huge = switch (valid) {
                        case String text -> FuzzValues.huge().asGeneric();
                        case Number number -> Arbitraries.oneOf(Arbitraries.integers().between(309, 900)
                                .map(exponent -> new java.math.BigDecimal("1e" + exponent)).asGeneric(),
                                Arbitraries.integers().between(20, 999).map(digits -> new java.math.BigInteger("9".repeat(digits))));
                        case List<?> list -> Arbitraries.integers().between(1_000, 20_000)
                                .map(size -> (Object) java.util.stream.IntStream.range(0, size).mapToObj(i -> "i" + i).toList());
                        default -> FuzzValues.huge().map(value -> (Object) Map.of("X-Long", value));
                    };
                    Arbitrary<FuzzRequest> overBody = Arbitraries.integers().between(1_050_000, 1_200_000).map(size ->
                            FuzzRequest.json("a body over 1 MB", route.at(account), write(route.with("padding", "x".repeat(size)))));
                    return Arbitraries.frequencyOf(Tuple.of(9, huge.map(value -> FuzzRequest.json("a huge " + field,
                            route.at(account), write(route.with(field, value))))), Tuple.of(1, overBody));
                }));
    }

    Arbitrary<FuzzRequest> invalidAccountInPath() {
        List<Route> withId = Stream.concat(BODYLESS.stream(), routes.stream()).filter(route -> route.path().contains("{id}"))
                .toList();
        return Combinators.combine(Arbitraries.of(withId), encoded(FuzzValues.invalidAccountId())).as((route, id) -> {
            String path = route.path().replace("/{id}-ev", "/" + account + "-ev").replace("{id}", id);
            return route.readsJson() ? FuzzRequest.json("an invalid account id in the path", path, write(route.body()))
                    : FuzzRequest.of("an invalid account id in the path", route.method(), path, null, null);
        });
    }

    Arbitrary<FuzzRequest> invalidAccountInBody() {
        return Combinators.combine(Arbitraries.of(routes.stream().filter(route -> route.body().containsKey("account_id")).toList()),
                        Arbitraries.oneOf(FuzzValues.invalidAccountId(), Arbitraries.just("")))
                .as((route, id) -> FuzzRequest.json("an invalid account_id", route.at(account),
                        write(route.with("account_id", id))));
    }

    /** A valid id that names no account: 404 everywhere but where an account is created. */
    Arbitrary<FuzzRequest> unknownAccount() {
        return FuzzValues.ghostAccountId().flatMap(ghost -> {
            List<FuzzRequest> requests = new ArrayList<>();
            ApiRoutes.jsonRoutes(ghost).stream().filter(route -> !route.path().equals("/accounts")).forEach(route ->
                    requests.add(FuzzRequest.json("an unknown account", route.at(ghost), write(route.body()))));
            BODYLESS.forEach(route -> requests.add(FuzzRequest.of("an unknown account", route.method(), route.at(ghost), null, null)));
            for (String path : List.of("/user/check?account_id=" + ghost + "&phone=" + TO,
                    "/user/info?account_id=" + ghost + "&phone=" + TO, "/group/info?account_id=" + ghost + "&group_id="
                            + encode(ApiRoutes.GROUP, false))) {
                requests.add(FuzzRequest.of("an unknown account", GET, path, null, null));
            }
            return Arbitraries.oneOf(Arbitraries.of(requests), new MediaForms(ghost).upload());
        });
    }

    Arbitrary<FuzzRequest> wrongContentType() {
        Arbitrary<String> token = Arbitraries.strings().withCharRange('a', 'z').withChars("-.+0123456789").ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> type = Arbitraries.oneOf(
                Arbitraries.of("text/plain", "application/xml", "text/html", "application/x-www-form-urlencoded",
                        "application/octet-stream", "image/png", "application/", ";", "garbage", "text/plain; charset=utf-8"),
                Combinators.combine(token, token).as((a, b) -> a + "/" + b),
                Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(40).map(String::strip)
                        .filter(value -> !value.isEmpty()))
                .filter(value -> !value.toLowerCase().contains("json") && !value.toLowerCase().contains("multipart")
                        && !value.contains("*"));
        return Combinators.combine(route(), type.injectNull(0.1)).as((route, contentType) -> FuzzRequest.of(
                "Content-Type " + contentType, POST, route.at(account), contentType,
                FuzzRequest.utf8(write(route.body()))));
    }

    Arbitrary<FuzzRequest> wrongMethod() {
        Map<String, Set<HttpMethod>> allowed = new LinkedHashMap<>();
        Stream.of(routes, BODYLESS, ApiRoutes.OTHERS).flatMap(List::stream).forEach(route ->
                allowed.computeIfAbsent(route.at(account), path -> new HashSet<>()).add(route.method()));
        // GET .../deliveries/redeliver reads the delivery of an event named "redeliver"
        allowed.get("/accounts/" + account + "/webhook/deliveries/redeliver").add(GET);
        List<FuzzRequest> requests = new ArrayList<>();
        allowed.forEach((path, methods) -> Stream.of(GET, POST, PUT, PATCH, DELETE).filter(method -> !methods.contains(method))
                .forEach(method -> requests.add(FuzzRequest.of("a method not allowed", method, path, "application/json",
                        FuzzRequest.utf8("{}")))));
        return Arbitraries.of(requests);
    }

    Arbitrary<FuzzRequest> badQuery() {
        Arbitrary<String> letters = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(10);
        Arbitrary<String> outOfRange = Arbitraries.oneOf(Arbitraries.longs().between(Long.MIN_VALUE / 2, 0),
                Arbitraries.longs().between(1_000_001, Long.MAX_VALUE)).map(String::valueOf);
        Arbitrary<String> notANumber = Arbitraries.oneOf(letters, text(3).filter(value -> !value.strip().matches("[+-]?[0-9]+")));
        Arbitrary<String> notAnEnum = text(3).map(value -> "x" + value);
        String messages = "/accounts/" + account + "/messages?";
        String deliveries = "/accounts/" + account + "/webhook/deliveries?";
        return Arbitraries.oneOf(
                Arbitraries.oneOf(notANumber, outOfRange, Arbitraries.of("0", "101", "-1")).map(limit -> messages + "limit=" + encode(limit, false)),
                notAnEnum.map(status -> messages + "status=" + encode(status, false)),
                Combinators.combine(Arbitraries.of("page", "size"), Arbitraries.oneOf(notANumber, outOfRange))
                        .as((name, value) -> deliveries + name + "=" + encode(value, false)),
                Arbitraries.of("size=0", "size=101", "page=-1", "page=1000001").map(query -> deliveries + query),
                notAnEnum.map(outcome -> deliveries + "outcome=" + encode(outcome, false)),
                Combinators.combine(Arbitraries.of("/user/check", "/user/info"), text(3).filter(phone -> !phone.matches("[0-9]{8,15}")))
                        .as((path, phone) -> path + "?account_id=" + account + "&phone=" + encode(phone, false)),
                Combinators.combine(Arbitraries.of("/user/check", "/user/info", "/group/info"), encoded(FuzzValues.invalidAccountId()))
                        .as((path, id) -> path + "?account_id=" + id + "&phone=" + TO + "&group_id=" + encode(ApiRoutes.GROUP, false)))
                .map(path -> FuzzRequest.of("a bad query parameter", GET, path, null, null));
    }

    Arbitrary<FuzzRequest> badIdempotencyKey() {
        Arbitrary<String> visible = Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> key = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(256).ofMaxLength(600),
                Combinators.combine(visible, Arbitraries.strings().withChars(" \t").ofMinLength(1).ofMaxLength(3), visible)
                        .as((before, space, after) -> before + space + after));
        List<Route> sends = routes.stream().filter(route -> route.path().startsWith("/send/") && !route.path().contains("presence"))
                .toList();
        return Combinators.combine(Arbitraries.of(sends), key).as((route, value) ->
                FuzzRequest.json("a bad Idempotency-Key", route.at(account), write(route.body())).withHeader("Idempotency-Key", value));
    }

    private static FuzzRequest badUtf8(String path, String open, byte[] bytes) {
        byte[] start = (open + "\"note\":\"a").getBytes(StandardCharsets.UTF_8);
        byte[] end = "b\"}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[start.length + bytes.length + end.length];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(bytes, 0, body, start.length, bytes.length);
        System.arraycopy(end, 0, body, start.length + bytes.length, end.length);
        return FuzzRequest.of("invalid UTF-8", POST, path, "application/json", body);
    }

    private static String escape(String text) {
        String quoted = write(text);
        return quoted.substring(1, quoted.length() - 1);
    }

    private static String closer(String opener) {
        return switch (opener) {
            case "[" -> "]";
            case "{\"a\":" -> "}";
            default -> "}]";
        };
    }
}
