package io.wafleet.gateway;

import io.wafleet.gateway.ApiRoutes.Route;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.springframework.http.HttpMethod;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.wafleet.gateway.ApiRoutes.BODYLESS;
import static io.wafleet.gateway.ApiRoutes.OTHERS;
import static io.wafleet.gateway.ApiRoutes.TO;
import static io.wafleet.gateway.FuzzValues.encode;
import static io.wafleet.gateway.FuzzValues.encoded;
import static io.wafleet.gateway.FuzzValues.text;
import static io.wafleet.gateway.FuzzValues.write;

/**
 * Requests that may or may not be valid, for an existing, linked account: each route's valid request
 * with fields replaced by any JSON, extra and duplicate fields, random ids, paths, query strings,
 * methods and headers, and random multipart forms. The {@code /user} questions, which the fake worker
 * does not answer, ask for an account that is not logged in, so that none waits for a reply.
 */
final class AnyRequests {

    private static final List<HttpMethod> METHODS = List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT,
            HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS, HttpMethod.HEAD);
    private final String account;
    private final String unlinked;
    private final List<Route> routes;

    AnyRequests(String account, String unlinked) {
        this.account = account;
        this.unlinked = unlinked;
        this.routes = ApiRoutes.jsonRoutes(account);
    }

    Arbitrary<FuzzRequest> any() {
        return Arbitraries.frequencyOf(Tuple.of(6, json()), Tuple.of(2, bodyless()), Tuple.of(2, query()),
                        Tuple.of(2, new MediaForms(account).any()), Tuple.of(1, path()),
                        Tuple.of(2, new RefusedRequests(account).any()))
                .flatMap(this::noise);
    }

    /** A route's valid body with fields replaced by any value, fields added, a key twice, or any JSON. */
    Arbitrary<FuzzRequest> json() {
        return Combinators.combine(Arbitraries.of(routes), pathId()).flatAs((route, id) -> {
            String path = id == null ? route.at(account) : route.path().replace("{id}", id);
            Map<String, Object> valid = route.body();
            Arbitrary<String> replaced = Arbitraries.maps(Arbitraries.of(valid.keySet()), FuzzValues.json(2)).ofMinSize(1).ofMaxSize(3)
                    .map(values -> {
                        Map<String, Object> body = new LinkedHashMap<>(valid);
                        body.putAll(values);
                        return write(body);
                    });
            Arbitrary<String> extra = Arbitraries.maps(FuzzValues.key(), FuzzValues.json(2)).ofMinSize(1).ofMaxSize(4).map(fields -> {
                Map<String, Object> body = new LinkedHashMap<>(valid);
                body.putAll(fields);
                return write(body);
            });
            Arbitrary<String> twice = Combinators.combine(Arbitraries.of(valid.keySet()), FuzzValues.json(1), Arbitraries.of(true, false))
                    .as((field, value, first) -> {
                        String body = write(valid);
                        String duplicate = write(field) + ":" + write(value);
                        return first ? "{" + duplicate + "," + body.substring(1)
                                : body.substring(0, body.length() - 1) + "," + duplicate + "}";
                    });
            Arbitrary<String> anyJson = FuzzValues.json(3).map(FuzzValues::write);
            Arbitrary<String> escaped = Combinators.combine(Arbitraries.of(valid.keySet()), FuzzValues.oddEscapes())
                    .as((field, escapes) -> write(route.with(field, "ESCAPES")).replace("\"ESCAPES\"", "\"" + escapes + "\""));
            return Arbitraries.frequencyOf(Tuple.of(5, replaced), Tuple.of(2, extra), Tuple.of(2, twice), Tuple.of(2, escaped),
                            Tuple.of(1, anyJson), Tuple.of(2, Arbitraries.just(write(valid))))
                    .map(body -> FuzzRequest.json("a body for " + route, path, body));
        });
    }

    /** The routes without a body, now and then with one. */
    Arbitrary<FuzzRequest> bodyless() {
        List<Route> all = Stream.concat(BODYLESS.stream(), OTHERS.stream()).toList();
        return Combinators.combine(Arbitraries.of(all), pathId(), FuzzValues.json(2).map(FuzzValues::write).injectNull(0.7))
                .as((route, id, body) -> FuzzRequest.of(route.toString(), route.method(),
                        id == null ? route.at(account) : route.path().replace("{id}", id),
                        body == null ? null : "application/json", body == null ? null : FuzzRequest.utf8(body)));
    }

    /** The routes that read a query, with any parameters. */
    Arbitrary<FuzzRequest> query() {
        List<String> paths = List.of("/accounts/" + account + "/messages", "/accounts/" + account + "/webhook/deliveries",
                "/user/check", "/user/info", "/group/info", "/accounts");
        return Arbitraries.of(paths).flatMap(path -> {
            String owner = path.startsWith("/user/") ? unlinked : account;
            Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of("limit", "status", "page", "size", "outcome",
                    "account_id", "phone", "group_id"), FuzzValues.key());
            Arbitrary<String> value = Arbitraries.oneOf(FuzzValues.anyText(), FuzzValues.numbers().map(String::valueOf),
                    Arbitraries.of(owner, TO, ApiRoutes.GROUP, "sent", "read", "dead", "failed", "1", "100", "0"));
            Arbitrary<String> pair = Arbitraries.oneOf(Combinators.combine(name, value).as((n, v) -> encode(n, false) + "=" + encode(v, false)),
                    Combinators.combine(name, FuzzValues.badlyEncoded()).as((n, v) -> encode(n, false) + "=" + v));
            return pair
                    .list().ofMaxSize(5).map(pairs -> FuzzRequest.of("a query", HttpMethod.GET,
                            path + "?" + String.join("&", pairs), null, null));
        });
    }

    /** Paths of random segments under the API's prefixes. */
    Arbitrary<FuzzRequest> path() {
        Arbitrary<String> segment = Arbitraries.oneOf(encoded(text(3)), FuzzValues.badlyEncoded(), Arbitraries.of("accounts", account, "send",
                "message", "group", "sandbox", "media", "qr", "user", "messages", "webhook", "..", ".", "%2e%2e", "%2F", ""));
        return Combinators.combine(segment.list().ofMinSize(1).ofMaxSize(5), Arbitraries.of(METHODS))
                .as((segments, method) -> FuzzRequest.of("a random path", method, "/" + String.join("/", segments),
                        "application/json", FuzzRequest.utf8("{}")));
    }

    /** Now and then another method, an Idempotency-Key, another Content-Type or Accept, or a query. */
    private Arbitrary<FuzzRequest> noise(FuzzRequest request) {
        // a header value neither starts nor ends with whitespace, or the client refuses to send it
        Arbitrary<String> visible = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(300).map(String::strip);
        return Arbitraries.frequencyOf(
                Tuple.of(30, Arbitraries.just(request)),
                Tuple.of(2, Arbitraries.of(METHODS).map(method ->
                        new FuzzRequest(request.what() + " as " + method, method, request.path(), request.headers(), request.body()))),
                Tuple.of(3, visible.map(key -> request.withHeader("Idempotency-Key", key))),
                Tuple.of(2, Arbitraries.of("text/plain", "application/json; charset=utf-16", "application/json; charset=bogus",
                        "application/problem+json", "application/*", "*/*", "application/x-www-form-urlencoded",
                        "multipart/form-data", "garbage").map(type -> request.withHeader("Content-Type", type))),
                Tuple.of(1, Arbitraries.of("text/html", "application/xml", "image/png", "*/*", "garbage;;")
                        .map(accept -> request.withHeader("Accept", accept))),
                Tuple.of(1, visible.map(value -> request.withHeader("X-Fuzz", value))),
                Tuple.of(2, Combinators.combine(encoded(FuzzValues.key()), encoded(FuzzValues.anyText())).as((k, v) ->
                        new FuzzRequest(request.what(), request.method(), request.path() + (request.path().contains("?") ? "&" : "?")
                                + k + "=" + v, request.headers(), request.body()))));
    }

    /** Null for the account itself (mostly), else an id that may not be valid, encoded for a path. */
    private Arbitrary<String> pathId() {
        return Arbitraries.oneOf(encoded(text(3)), encoded(FuzzValues.invalidAccountId()), FuzzValues.ghostAccountId(),
                FuzzValues.badlyEncoded()).injectNull(0.8);
    }
}
