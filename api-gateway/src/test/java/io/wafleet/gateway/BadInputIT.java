package io.wafleet.gateway;

import io.wafleet.common.command.SendMessage;
import io.wafleet.gateway.ApiRoutes.Route;
import io.wafleet.gateway.send.IdempotencyKeys;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.server.PathContainer;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.wafleet.gateway.ApiRoutes.BODYLESS;
import static io.wafleet.gateway.ApiRoutes.MEDIA_KINDS;
import static io.wafleet.gateway.ApiRoutes.TO;
import static io.wafleet.gateway.ApiRoutes.jsonRoutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;
import static org.springframework.http.MediaType.APPLICATION_JSON;

/**
 * Issue #5's proof: bad input gets a clear 4xx in the API's envelope and changes nothing; no input
 * makes a 5xx. Each kind of bad input is applied to every route of {@link ApiRoutes} it fits. Each
 * test works on an account of its own, linked so that a send would go through, and ends by checking
 * that the account had no command and MongoDB no change ({@link #assertNothingChanged}). Failures are
 * collected, so one run lists every request answered wrongly.
 */
@ExtendWith(SoftAssertionsExtension.class)
class BadInputIT extends GatewayTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LONG_STRING = "x".repeat(100_000);
    /** Cut to its limit by design rather than refused, so a long one is a valid request. */
    private static final Set<String> CUT_TO_LIMIT = Set.of("from_name");

    @InjectSoftAssertions
    private SoftAssertions soft;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping handlers;
    /** The test's own account, linked ({@link #setUp}). */
    private String account;

    @Test
    void theTableHasEveryRouteTheGatewayServes() {
        account = "bad-table";
        List<String> tabled = Stream.of(BODYLESS, ApiRoutes.OTHERS, jsonRoutes(account)).flatMap(List::stream)
                .map(route -> route.method() + " " + route.at(account)).toList();
        handlers.getHandlerMethods().forEach((info, handler) -> {
            if (handler.getBeanType().getPackageName().startsWith("io.wafleet")) {
                info.getPatternsCondition().getPatterns().forEach(pattern -> info.getMethodsCondition().getMethods()
                        .forEach(method -> soft.assertThat(tabled).as("%s %s in ApiRoutes", method, pattern)
                                .anyMatch(route -> route.startsWith(method.name() + " ")
                                        && pattern.matches(PathContainer.parsePath(route.substring(route.indexOf(' ') + 1))))));
            }
        });
    }

    @Test
    void malformedJsonAndBodiesOfTheWrongShapeAreRefused() {
        State before = setUp("bad-shape");
        List<String> malformed = List.of("{\"account_id\":", "{account_id: \"x\"}", "{\"a\": 1,}", "not json",
                "{\"a\": \"\\x\"}", "{\"a\": 01}", "{\"a\": NaN}", "{\"a\": \"b\"}}", "{\"a\" \"b\"}", "\u00ff\u00fe{");
        List<String> wrongShape = List.of("[]", "[{}]", "\"text\"", "\"bad-shape\"", "42", "-1.5e300", "true");
        byte[] invalidUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        for (Route route : jsonRoutes(account)) {
            String path = route.at(account);
            for (String body : malformed) {
                expect(route + " with " + body, raw(POST, path, APPLICATION_JSON, body), 400, "JSON");
            }
            for (String body : wrongShape) {
                expect(route + " with " + body, raw(POST, path, APPLICATION_JSON, body), 400, "body");
            }
            expect(route + " with its body inside a string", raw(POST, path, APPLICATION_JSON,
                    JSON.writeValueAsString(JSON.writeValueAsString(route.body()))), 400, "body");
            expect(route + " with invalid UTF-8", raw(POST, path, APPLICATION_JSON, invalidUtf8), 400, "JSON");
            if (!route.bodyOptional()) {
                for (String body : List.of("", " ", "null")) {
                    expect(route + " with body '" + body + "'", raw(POST, path, APPLICATION_JSON, body), 400, "body");
                }
            }
        }
        assertNothingChanged(before);
    }

    @Test
    void fieldsOfTheWrongTypeAreRefused() {
        State before = setUp("bad-types");
        for (Route route : jsonRoutes(account)) {
            route.body().forEach((field, valid) -> {
                for (Object wrong : wrongTypes(valid)) {
                    expect(route + " with " + field + " = " + JSON.writeValueAsString(wrong),
                            json(route, route.with(field, wrong)), 400, field);
                }
            });
        }
        assertNothingChanged(before);
    }

    @Test
    void missingNullAndBlankRequiredFieldsAreRefused() {
        State before = setUp("bad-missing");
        for (Route route : jsonRoutes(account)) {
            route.required().forEach((field, valid) -> {
                expect(route + " without " + field, json(route, route.without(field)), 400, field);
                expect(route + " with " + field + " = null", json(route, route.with(field, null)), 400, field);
                // an empty emoji is valid: it removes the reaction
                List<Object> blanks = valid instanceof String
                        ? (field.equals("emoji") ? List.of("   ", "\t\n") : List.of("", "   ", "\t\n"))
                        : valid instanceof List ? List.of(List.of(), List.of(""), List.of(" ", "  ")) : List.of();
                for (Object blank : blanks) {
                    expect(route + " with " + field + " = " + JSON.writeValueAsString(blank),
                            json(route, route.with(field, blank)), 400, field);
                }
            });
        }
        assertNothingChanged(before);
    }

    @Test
    void hugeValuesAreRefused() {
        State before = setUp("bad-huge");
        String deep = "[".repeat(50_000) + "]".repeat(50_000);
        for (Route route : jsonRoutes(account)) {
            String path = route.at(account);
            route.body().forEach((field, valid) -> {
                if (!CUT_TO_LIMIT.contains(field)) {
                    for (Object huge : hugeValues(valid)) {
                        expect(route + " with a huge " + field, json(route, route.with(field, huge)), 400, field);
                    }
                }
                if (valid instanceof Number) {
                    // refused by the parser, before any field is known
                    expect(route + " with a 2000-digit " + field,
                            json(route, route.with(field, new BigInteger("9".repeat(2_000)))), 400, "number");
                }
                expect(route + " with " + field + " nested deeply", raw(POST, path, APPLICATION_JSON,
                        JSON.writeValueAsString(route.with(field, "DEEP")).replace("\"DEEP\"", deep)), 400, "JSON");
            });
            expect(route + " with a deeply nested body", raw(POST, path, APPLICATION_JSON, deep), 400, "JSON");
            expect(route + " with a deeply nested extra field", raw(POST, path, APPLICATION_JSON,
                    JSON.writeValueAsString(route.with("extra", "DEEP")).replace("\"DEEP\"", deep)), 400, "JSON");
            expect(route + " with a body over 1 MB", json(route, route.with("padding", "x".repeat(1_100_000))),
                    413, "too large");
        }
        assertNothingChanged(before);
    }

    @Test
    void wrongContentTypesAreRefused() {
        State before = setUp("bad-content-type");
        String form = "account_id=" + account + "&phone=" + TO;
        for (Route route : jsonRoutes(account)) {
            String path = route.at(account);
            String body = JSON.writeValueAsString(route.body());
            expect(route + " as text/plain", raw(POST, path, MediaType.TEXT_PLAIN, body), 415, "text/plain");
            expect(route + " as application/xml", raw(POST, path, MediaType.APPLICATION_XML, body), 415, "xml");
            expect(route + " as a form", raw(POST, path, MediaType.APPLICATION_FORM_URLENCODED, form), 415,
                    "x-www-form-urlencoded");
            expect(route + " without a content type", raw(POST, path, null, body), 415, "Content-Type");
            for (String type : List.of("garbage", "application/json; charset=bogus", "application/", ";")) {
                expect(route + " with Content-Type '" + type + "'", rawWithType(path, type, body), null, "Content-Type");
            }
            if (!route.takesMultipart()) {
                expect(route + " as multipart", multipart(path, form(account)), 415, "multipart/form-data");
            }
        }
        for (String kind : MEDIA_KINDS) {
            String path = "/send/" + kind;
            MediaType boundary = new MediaType(MediaType.MULTIPART_FORM_DATA, Map.of("boundary", "b0undary"));
            expect(path + " as multipart without a boundary",
                    raw(POST, path, MediaType.MULTIPART_FORM_DATA, "--x\r\n\r\n"), 400, "multipart");
            expect(path + " as a garbled multipart", raw(POST, path, boundary, "garbage"), 400, "multipart");
            expect(path + " with a part of an invalid Content-Type", raw(POST, path, boundary,
                    "--b0undary\r\nContent-Disposition: form-data; name=\"" + kind + "\"; filename=\"x.bin\"\r\n"
                            + "Content-Type: garbage\r\n\r\nx\r\n--b0undary--\r\n"), 400, "Content-Type");
            expect(path + " as an unterminated multipart", raw(POST, path, boundary,
                    "--b0undary\r\nContent-Disposition: form-data; name=\"account_id\"\r\n\r\n" + account), 400, "multipart");
            MultipartBodyBuilder tooMany = form(account);
            IntStream.range(0, 20).forEach(i -> tooMany.part("extra" + i, "x"));
            expectUnlessReset(path + " with too many parts", () -> multipart(path, tooMany), 400, "parts");
            // form fields are held in memory up to spring.webflux.multipart.max-in-memory-size (256 KB)
            MultipartBodyBuilder bigField = form(account);
            bigField.part("caption", "x".repeat(300_000));
            expectUnlessReset(path + " with a form field over 256 KB", () -> multipart(path, bigField), 413, "large");
            MultipartBodyBuilder fileAsAccount = new MultipartBodyBuilder();
            fileAsAccount.part("account_id", file(account.getBytes(StandardCharsets.UTF_8), "id.txt"));
            fileAsAccount.part("phone", TO);
            fileAsAccount.part(kind, file(new byte[]{1, 2, 3}, "x.bin"));
            expect(path + " with account_id as a file", multipart(path, fileAsAccount), 400, "account_id");
            MultipartBodyBuilder textAsMedia = form(account);
            textAsMedia.part(kind, "not a file");
            expect(path + " with " + kind + " as a text field", multipart(path, textAsMedia), 400, kind);
            expect(path + " as a form", raw(POST, path, MediaType.APPLICATION_FORM_URLENCODED, form), 415,
                    "x-www-form-urlencoded");
        }
        assertNothingChanged(before);
    }

    @Test
    void invalidIdsInPathsAreRefused() {
        State before = setUp("bad-ids");
        List<String> ids = List.of("x".repeat(65), "x".repeat(3_000), "a%20b", "%C3%A9t%C3%A9", "a%2Fb", "..",
                "%2E%2E", "a.b", "%00", "a%0Ab", "%25", "*", "a+b", "%F0%9F%98%80");
        List<Route> routes = Stream.concat(BODYLESS.stream(),
                jsonRoutes(account).stream().filter(route -> route.path().contains("{id}"))).toList();
        for (Route route : routes) {
            for (String id : ids) {
                String path = route.path().replace("/{id}-ev", "/" + account + "-ev").replace("{id}", id);
                WebTestClient.ResponseSpec response = route.readsJson()
                        ? raw(POST, path, APPLICATION_JSON, JSON.writeValueAsString(route.body()))
                        : bodyless(route.method(), path);
                expect(route + " with id " + abbreviate(id), response, 400, "account id");
            }
        }
        String deliveries = "/accounts/" + account + "/webhook/deliveries/";
        for (String id : ids) {
            // 400 for an id that cannot be one, 404 for one that could (up to 128 characters)
            expect("GET /messages/" + abbreviate(id), bodyless(GET, "/messages/" + id), null, "message");
            expect("GET /media/" + abbreviate(id), bodyless(GET, "/media/" + id), 404, "media");
            expect("GET /qr/" + abbreviate(id), bodyless(GET, "/qr/" + id + ".png"), 404, "QR");
            expect("GET a delivery " + abbreviate(id), bodyless(GET, deliveries + id), 404, "delivery");
            expect("POST a redelivery " + abbreviate(id), bodyless(POST, deliveries + id + "/redeliver"), 404, "delivery");
        }
        assertNothingChanged(before);
    }

    @Test
    void unknownAccountsAreNotFound() {
        State before = setUp("bad-unknown");
        String ghost = "ghost-account";
        State ghostBefore = state(ghost);
        for (Route route : jsonRoutes(ghost)) {
            if (!route.path().equals("/accounts")) {
                expect(route + " for an unknown account", json(route.at(ghost), route.body()), 404, ghost);
            }
        }
        for (Route route : BODYLESS) {
            expect(route + " for an unknown account", bodyless(route.method(), route.at(ghost)), 404, ghost);
        }
        for (String kind : MEDIA_KINDS) {
            MultipartBodyBuilder upload = form(ghost);
            upload.part(kind, file(new byte[]{1, 2, 3}, "x.bin"));
            expect("/send/" + kind + " upload for an unknown account", multipart("/send/" + kind, upload), 404, ghost);
        }
        assertThat(state(ghost)).isEqualTo(ghostBefore);
        assertThat(worker.commands).noneMatch(seen -> seen.key().equals(ghost));
        assertNothingChanged(before);
    }

    @Test
    void badQueryParametersAreRefused() {
        State before = setUp("bad-query");
        String messages = "/accounts/" + account + "/messages?";
        for (String query : List.of("limit=abc", "limit=-1", "limit=0", "limit=101", "limit=99999999999999999999",
                "limit=", "limit=1.5", "limit=%20", "limit=1e2", "limit=0x10", "limit=1&limit=abc")) {
            expect("GET messages with " + query, bodyless(GET, messages + query), 400, "limit");
        }
        for (String query : List.of("status=bogus", "status=", "status=READ", "status=" + "x".repeat(2_000))) {
            expect("GET messages with " + abbreviate(query), bodyless(GET, messages + query), 400, "status");
        }
        String deliveries = "/accounts/" + account + "/webhook/deliveries?";
        for (String query : List.of("page=-1", "page=abc", "page=1000001", "page=99999999999999999999", "page=",
                "size=0", "size=101", "size=abc", "size=-5", "size=1.0", "outcome=bogus", "outcome=", "outcome=DEAD")) {
            String parameter = query.substring(0, query.indexOf('='));
            expect("GET deliveries with " + query, bodyless(GET, deliveries + query), 400, parameter);
        }
        assertNothingChanged(before);
    }

    @Test
    void requestLinesAndHeadersOverTheServersLimitsAreRefused() {
        State before = setUp("bad-limits");
        // refused by the HTTP server itself, before any handler (server.netty.max-initial-line-length: 4 KB)
        expect("GET messages with a 5,000-character query",
                bodyless(GET, "/accounts/" + account + "/messages?status=" + "x".repeat(5_000)), 414, "request line");
        expect("a send with a 20 KB header", client.post().uri("/send/message").header("X-Padding", "x".repeat(20_000))
                .contentType(APPLICATION_JSON).bodyValue(Map.of("account_id", account, "phone", TO, "message", "hi"))
                .exchange(), 431, "headers");
        assertNothingChanged(before);
    }

    @Test
    void wrongMethodsAndUnknownRoutesAreRefused() {
        State before = setUp("bad-method");
        Map<String, Set<HttpMethod>> allowed = new LinkedHashMap<>();
        Stream.of(jsonRoutes(account), BODYLESS, ApiRoutes.OTHERS).flatMap(List::stream).forEach(route ->
                allowed.computeIfAbsent(route.at(account), path -> new HashSet<>()).add(route.method()));
        // GET .../deliveries/redeliver reads the delivery of an event named "redeliver"
        allowed.get("/accounts/" + account + "/webhook/deliveries/redeliver").add(GET);
        allowed.forEach((path, methods) -> {
            for (HttpMethod method : List.of(GET, POST, PUT, PATCH, DELETE)) {
                if (!methods.contains(method)) {
                    expect(method + " " + path, raw(method, path, APPLICATION_JSON, "{}"), 405, method.name());
                }
            }
        });
        for (String path : List.of("/", "/accounts/" + account + "/nothing", "/send/nothing", "/qr/token", "/sandbox",
                "/accounts/" + account + "/webhook/deliveries/ev/nothing", "/send/message/extra")) {
            expect("POST " + path, raw(POST, path, APPLICATION_JSON, "{}"), 404, "no route");
            expect("GET " + path, bodyless(GET, path), 404, "no route");
        }
        assertNothingChanged(before);
    }

    @Test
    void badIdempotencyKeysAreRefused() {
        State before = setUp("bad-key");
        for (Route route : jsonRoutes(account)) {
            // presences make no message, so they take no key
            if (route.path().startsWith("/send/") && !route.path().contains("presence")) {
                for (String key : List.of("", "with space", "k".repeat(256), "tab\tkey")) {
                    expect(route + " with Idempotency-Key '" + abbreviate(key) + "'", client.post().uri(route.path())
                            .contentType(APPLICATION_JSON).header("Idempotency-Key", key)
                            .bodyValue(JSON.writeValueAsBytes(route.body())).exchange(), 400, "Idempotency-Key");
                }
            }
        }
        assertNothingChanged(before);
    }

    @Test
    void answersAreTheEnvelopeWhateverTheClientAccepts() {
        setUp("bad-accept");
        expect("a bad send accepting text/plain", client.post().uri("/send/message").accept(MediaType.TEXT_PLAIN)
                .contentType(APPLICATION_JSON).bodyValue(Map.of("account_id", account, "phone", "123"))
                .exchange(), 400, "phone");
        // a valid send is made whatever the client accepts, so it is answered as made, in the envelope
        byte[] sent = client.post().uri("/send/message").accept(MediaType.TEXT_HTML).contentType(APPLICATION_JSON)
                .bodyValue(Map.of("account_id", account, "phone", TO, "message", "hi")).exchange()
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith(APPLICATION_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("SUCCESS").returnResult().getResponseBody();
        String messageId = resultField(sent, "message_id");
        await().atMost(Duration.ofSeconds(10)).until(() -> worker.commands.stream()
                .anyMatch(seen -> seen.value() instanceof SendMessage send && send.messageId().equals(messageId)));
        assertThat(worker.commands).filteredOn(seen -> seen.key().equals(account)).hasSize(1);
    }

    // --- the bad values ---

    /** Values of other JSON types than {@code valid}'s, and of its type with elements of another. */
    private static List<Object> wrongTypes(Object valid) {
        return switch (valid) {
            case String text -> List.of(42, 4.2, true, Map.of("value", text), List.of(text));
            case Number number -> List.of(String.valueOf(number), true, Map.of("value", number), List.of(number));
            case List<?> list -> List.of("x", 42, Map.of("0", "x"), List.of(42, 43), List.of(Map.of("a", "b")));
            case Map<?, ?> map -> List.of("x", 42, List.of("x"), Map.of("X-A", 42), Map.of("X-A", Map.of("b", "c")),
                    Map.of("X-A", List.of("b")));
            default -> throw new IllegalArgumentException("no wrong types for " + valid);
        };
    }

    /**
     * Values of {@code valid}'s type far beyond any limit, within the 1 MB a body may have (numbers
     * too long for the JSON parser are {@link #hugeValuesAreRefused}'s own case).
     */
    private static List<Object> hugeValues(Object valid) {
        return switch (valid) {
            case String text -> List.of(LONG_STRING);
            case Number number -> List.of(new BigDecimal("1e400"), new BigDecimal("-1e400"),
                    new BigInteger("9".repeat(30)));
            case List<?> list -> List.of(IntStream.range(0, 10_000).mapToObj(i -> "item" + i).toList(),
                    List.of(LONG_STRING));
            case Map<?, ?> map -> List.of(Map.of("X-Long", LONG_STRING),
                    IntStream.range(0, 10_000).boxed().collect(Collectors.toMap(i -> "X-H" + i, i -> "v")));
            default -> throw new IllegalArgumentException("no huge values for " + valid);
        };
    }

    // --- requests and their answers ---

    /**
     * Checks a refused request's answer: a 4xx ({@code status} when given), in the envelope (its
     * {@code status} the HTTP status, a {@code code}, a message), the message naming {@code names}.
     */
    private void expect(String what, WebTestClient.ResponseSpec response, Integer status, String names) {
        EntityExchangeResult<byte[]> result = response.expectBody().returnResult();
        int actual = result.getStatus().value();
        String text = result.getResponseBody() == null ? "" : new String(result.getResponseBody(), StandardCharsets.UTF_8);
        if (status != null) {
            soft.assertThat(actual).as("%s: status (%s)", what, abbreviate(text)).isEqualTo(status);
        }
        soft.assertThat(actual).as("%s: a 4xx (%s)", what, abbreviate(text)).isBetween(400, 499);
        JsonNode envelope;
        try {
            envelope = JSON.readTree(text);
        } catch (RuntimeException e) {
            soft.fail("%s: not an envelope: %s", what, abbreviate(text));
            return;
        }
        soft.assertThat(envelope.path("status").asInt()).as("%s: envelope status", what).isEqualTo(actual);
        soft.assertThat(envelope.path("code").asString("")).as("%s: envelope code", what).isNotBlank()
                .isNotEqualTo("SUCCESS");
        String message = envelope.path("message").asString("");
        soft.assertThat(message).as("%s: envelope message", what).isNotBlank();
        if (names != null) {
            soft.assertThat(message).as("%s: the message names the problem", what).containsIgnoringCase(names);
        }
    }

    /**
     * As {@link #expect}, for a multipart body the parser gives up on part-way. Spring's parser then
     * sometimes releases a buffer twice and Reactor Netty resets the connection, at times before the
     * answer is read (a framework fault, logged as IllegalReferenceCountException): a reset is accepted,
     * any answer must still be right.
     */
    private void expectUnlessReset(String what, Supplier<WebTestClient.ResponseSpec> request, int status, String names) {
        WebTestClient.ResponseSpec response;
        try {
            response = request.get();
        } catch (WebClientRequestException reset) {
            return;
        }
        expect(what, response, status, names);
    }

    /** Posts {@code body} to the route at the test's account. */
    private WebTestClient.ResponseSpec json(Route route, Map<String, Object> body) {
        return json(route.at(account), body);
    }

    private WebTestClient.ResponseSpec json(String path, Map<String, Object> body) {
        return raw(POST, path, APPLICATION_JSON, JSON.writeValueAsBytes(body));
    }

    private WebTestClient.ResponseSpec bodyless(HttpMethod method, String path) {
        return client.method(method).uri(uri(path)).exchange();
    }

    private WebTestClient.ResponseSpec raw(HttpMethod method, String path, MediaType type, String body) {
        return raw(method, path, type, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends {@code body} as it is, with no Content-Type unless {@code type} is given. */
    private WebTestClient.ResponseSpec raw(HttpMethod method, String path, MediaType type, byte[] body) {
        WebTestClient.RequestBodySpec request = client.method(method).uri(uri(path));
        if (type != null) {
            request.contentType(type);
        }
        return request.body(bytes(body)).exchange();
    }

    private WebTestClient.ResponseSpec rawWithType(String path, String contentType, String body) {
        return client.post().uri(uri(path)).header("Content-Type", contentType)
                .body(bytes(body.getBytes(StandardCharsets.UTF_8))).exchange();
    }

    /** The path as given: already encoded (or not encodable), so not encoded again. */
    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Writes the bytes without a Content-Type of their own, which an encoder would add. */
    private static BodyInserter<byte[], ClientHttpRequest> bytes(byte[] body) {
        return (request, context) -> request.writeWith(Mono.fromSupplier(() -> request.bufferFactory().wrap(body)));
    }

    private WebTestClient.ResponseSpec multipart(String path, MultipartBodyBuilder form) {
        return client.post().uri(path).contentType(MediaType.MULTIPART_FORM_DATA).bodyValue(form.build()).exchange();
    }

    private static MultipartBodyBuilder form(String account) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("account_id", account);
        form.part("phone", TO);
        return form;
    }

    private static ByteArrayResource file(byte[] bytes, String name) {
        return new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    // --- what must not change ---

    /** What a request could change for an account: its documents, and how many accounts there are. */
    private record State(long accounts, Document account, Document webhook, long messages, long idempotencyKeys,
                         long media, long qrCodes, List<Document> deliveries) {
    }

    /** Creates the test's linked account, with a dead delivery ({@code <account>-ev}) a redelivery would take. */
    private State setUp(String account) {
        this.account = account;
        createLinked(account);
        Date now = new Date();
        mongo.insert(new Document("_id", account + "-ev").append("account_id", account).append("event_type", "message")
                .append("outcome", "dead").append("attempts", 8).append("body", "{\"event\":\"message\"}")
                .append("created_at", now).append("updated_at", now), "webhook_deliveries").block();
        return state(account);
    }

    private State state(String account) {
        Query ofAccount = Query.query(where("account_id").is(account));
        return new State(count(new Query(), "accounts"),
                mongo.findById(account, Document.class, "accounts").block(),
                mongo.findById(account, Document.class, "account_webhooks").block(),
                count(ofAccount, "messages"),
                count(Query.query(where("_id").regex("^" + account + "/")), IdempotencyKeys.COLLECTION),
                count(Query.query(where("metadata.account_id").is(account)), "media.files"),
                count(ofAccount, "login_qr"),
                mongo.find(ofAccount, Document.class, "webhook_deliveries").collectList().block());
    }

    /**
     * Asserts that the test's requests changed nothing: the account's documents are as they were, and it
     * had no command. A valid send made last proves the latter: one account's commands are ordered, so
     * once the worker has read it, it has read any command published before it.
     */
    private void assertNothingChanged(State before) {
        assertThat(state(account)).isEqualTo(before);
        byte[] sent = post("/send/message", Map.of("account_id", account, "phone", TO, "message", "last"))
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        String last = resultField(sent, "message_id");
        await().atMost(Duration.ofSeconds(10)).until(() -> worker.commands.stream()
                .anyMatch(seen -> seen.value() instanceof SendMessage send && send.messageId().equals(last)));
        assertThat(worker.commands).filteredOn(seen -> seen.key().equals(account)).hasSize(1);
        assertThat(worker.config).noneMatch(seen -> account.equals(seen.key()));
    }

    private long count(Query query, String collection) {
        return mongo.count(query, collection).block();
    }
}
