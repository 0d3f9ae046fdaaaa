package io.wafleet.infra;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.wafleet.common.json.WafleetJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for Meta's Graph API and its webhooks, on loopback, following the request and response
 * shapes Meta documents for the WhatsApp Cloud API: {@code GET /{version}/{phone_number_id}} answers the
 * number's record (or error 190 for a token it does not know), {@code POST .../messages} a {@code wamid},
 * {@code POST .../media} a media id. Like Meta, it then reports the statuses of each message it took
 * ({@code sent}, {@code delivered}, {@code read}) to the number's webhook, signed with its app secret;
 * {@link #inbound} posts a customer's message the same way.
 */
final class GraphApiStub implements AutoCloseable {

    static final String VERSION = "v21.0";
    /** A recipient Meta takes messages for and then cannot deliver them to (error 131026). */
    static final String UNDELIVERABLE = "6280000000000";

    /** A business number the stub knows: its token, app secret, display number and where its webhooks go. */
    record Number(String phoneNumberId, String token, String appSecret, String displayPhoneNumber, String webhookUrl) {
    }

    /** A request the stub served. */
    record Request(String method, String path, String authorization, JsonNode body) {
    }

    private final HttpServer server;
    private final ExecutorService webhooks = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client = HttpClient.newHttpClient();
    private final Map<String, Number> numbers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    /** Media customers sent, by Meta media id: the number's token fetches them. */
    private final Map<String, Media> media = new ConcurrentHashMap<>();

    private record Media(Number number, byte[] bytes, String mimeType) {
    }

    GraphApiStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/" + VERSION + "/", this::serve);
        server.createContext("/media-download/", this::download);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int port() {
        return server.getAddress().getPort();
    }

    void register(Number number) {
        numbers.put(number.phoneNumberId(), number);
    }

    List<Request> requests(String phoneNumberId) {
        return requests.stream().filter(r -> r.path().startsWith("/" + VERSION + "/" + phoneNumberId)).toList();
    }

    /** Posts a customer's text message to the number's webhook as Meta does; answers the gateway's HTTP status. */
    int inbound(String phoneNumberId, String wamid, String from, String name, String text) {
        Number number = numbers.get(phoneNumberId);
        ObjectNode value = change(number);
        value.putArray("contacts").addObject().put("wa_id", from).putObject("profile").put("name", name);
        value.putArray("messages").addObject().put("from", from).put("id", wamid)
                .put("timestamp", String.valueOf(Instant.now().getEpochSecond()))
                .put("type", "text").putObject("text").put("body", text);
        return post(number, envelope(value), true);
    }

    /** Posts a customer's image as Meta does: the webhook names a media id, whose bytes the number's token fetches. */
    int inboundImage(String phoneNumberId, String wamid, String from, String caption, byte[] bytes) {
        Number number = numbers.get(phoneNumberId);
        String mediaId = String.valueOf(2_000_000 + ids.incrementAndGet());
        media.put(mediaId, new Media(number, bytes, "image/jpeg"));
        ObjectNode value = change(number);
        value.putArray("contacts").addObject().put("wa_id", from).putObject("profile").put("name", from);
        value.putArray("messages").addObject().put("from", from).put("id", wamid)
                .put("timestamp", String.valueOf(Instant.now().getEpochSecond()))
                .put("type", "image").putObject("image").put("caption", caption).put("mime_type", "image/jpeg")
                .put("sha256", "stub").put("id", mediaId);
        return post(number, envelope(value), true);
    }

    /** The signature Meta puts in {@code X-Hub-Signature-256}: the body's HMAC-SHA256 with the app secret. */
    static String signature(String appSecret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts any body to the number's webhook, signed or not; answers the gateway's HTTP status. */
    int post(Number number, String body, boolean signed) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(number.webhookUrl()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (signed) {
            request.header("X-Hub-Signature-256", signature(number.appSecret(), bytes));
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String[] parts = path.split("/");
            Media file = parts.length == 3 ? media.get(parts[2]) : null;
            Number number = file != null ? file.number() : parts.length > 2 ? numbers.get(parts[2]) : null;
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            JsonNode body = raw.length == 0 || !isJson(exchange) ? null : WafleetJson.mapper().readTree(raw);
            requests.add(new Request(exchange.getRequestMethod(), path, authorization, body));
            if (number == null || !("Bearer " + number.token()).equals(authorization)) {
                respond(exchange, 401, """
                        {"error":{"message":"Invalid OAuth access token - Cannot parse access token","type":"OAuthException",\
                        "code":190,"fbtrace_id":"AOBs3mlc1p2"}}""");
            } else if (file != null) {
                respond(exchange, 200, WafleetJson.mapper().createObjectNode().put("messaging_product", "whatsapp")
                        .put("url", url() + "/media-download/" + parts[2]).put("mime_type", file.mimeType())
                        .put("sha256", "stub").put("file_size", file.bytes().length).put("id", parts[2]).toString());
            } else if (parts.length == 3 && "GET".equals(exchange.getRequestMethod())) {
                respond(exchange, 200, WafleetJson.mapper().createObjectNode().put("verified_name", "Wafleet Test")
                        .put("display_phone_number", number.displayPhoneNumber()).put("id", number.phoneNumberId())
                        .put("quality_rating", "GREEN").toString());
            } else if (parts.length == 4 && "media".equals(parts[3])) {
                respond(exchange, 200, "{\"id\":\"" + (1_000_000 + ids.incrementAndGet()) + "\"}");
            } else if (parts.length == 4 && "messages".equals(parts[3]) && body != null) {
                messages(exchange, number, body);
            } else {
                respond(exchange, 400, "{\"error\":{\"message\":\"Unsupported request\",\"type\":\"GraphMethodException\",\"code\":100}}");
            }
        }
    }

    /** Meta's media URL: the bytes, to the number's token only. */
    private void download(HttpExchange exchange) throws IOException {
        try (exchange) {
            String mediaId = exchange.getRequestURI().getPath().substring("/media-download/".length());
            Media file = media.get(mediaId);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            requests.add(new Request("GET", exchange.getRequestURI().getPath(), authorization, null));
            if (file == null || !("Bearer " + file.number().token()).equals(authorization)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", file.mimeType());
            exchange.sendResponseHeaders(200, file.bytes().length);
            exchange.getResponseBody().write(file.bytes());
        }
    }

    private void messages(HttpExchange exchange, Number number, JsonNode body) throws IOException {
        if ("read".equals(body.path("status").asString(""))) {
            respond(exchange, 200, "{\"success\":true}");
            return;
        }
        String to = body.path("to").asString("");
        String wamid = "wamid.STUB" + ids.incrementAndGet();
        ObjectNode answer = WafleetJson.mapper().createObjectNode().put("messaging_product", "whatsapp");
        answer.putArray("contacts").addObject().put("input", to).put("wa_id", to);
        answer.putArray("messages").addObject().put("id", wamid).put("message_status", "accepted");
        respond(exchange, 200, answer.toString());
        if (!"reaction".equals(body.path("type").asString(""))) {
            List<String> statuses = UNDELIVERABLE.equals(to) ? List.of("sent", "failed") : List.of("sent", "delivered", "read");
            webhooks.submit(() -> statuses.forEach(status -> post(number, status(number, wamid, to, status), true)));
        }
    }

    private static String status(Number number, String wamid, String to, String status) {
        ObjectNode value = change(number);
        ObjectNode entry = value.putArray("statuses").addObject().put("id", wamid).put("status", status)
                .put("timestamp", String.valueOf(Instant.now().getEpochSecond())).put("recipient_id", to);
        if ("failed".equals(status)) {
            entry.putArray("errors").addObject().put("code", 131026).put("title", "Message undeliverable");
        }
        return envelope(value);
    }

    private static ObjectNode change(Number number) {
        ObjectNode value = WafleetJson.mapper().createObjectNode().put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", number.displayPhoneNumber().replaceAll("\\D", ""))
                .put("phone_number_id", number.phoneNumberId());
        return value;
    }

    private static String envelope(ObjectNode value) {
        ObjectNode body = WafleetJson.mapper().createObjectNode().put("object", "whatsapp_business_account");
        ObjectNode change = body.putArray("entry").addObject().put("id", "102290129340398").putArray("changes").addObject();
        change.set("value", value);
        change.put("field", "messages");
        return body.toString();
    }

    private static boolean isJson(HttpExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        return type != null && type.startsWith("application/json");
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        webhooks.shutdownNow();
    }
}
