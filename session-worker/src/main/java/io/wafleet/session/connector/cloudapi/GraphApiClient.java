package io.wafleet.session.connector.cloudapi;

import io.netty.channel.ChannelOption;
import io.wafleet.common.connector.CloudApiSettings;
import io.wafleet.common.connector.ConnectorException;
import io.wafleet.common.connector.SessionSettings;
import io.wafleet.common.json.WafleetJson;
import io.wafleet.session.SessionWorkerProperties;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.transport.ProxyProvider;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Meta's Graph API, as the Cloud API connector calls it: the phone number's record (a login checks the
 * token with it), {@code /messages} and {@code /media}. Each account's calls go through its own outbound
 * proxy, if it has one. Every failure comes out as a {@link ConnectorException} whose reason says why
 * ({@code invalid_token}, {@code rate_limited}, {@code unreachable}, {@code graph_api_error}) with Meta's
 * own message; the token is never part of one.
 */
class GraphApiClient {

    /** Meta's largest media (documents): the most a download or an answer may hold in memory. */
    private static final int MAX_BODY = 100 * 1024 * 1024;

    /** A received media file: its bytes and MIME type. */
    record Download(byte[] bytes, String mimeType) {
    }

    /** What the Graph API says of a business phone number. */
    record PhoneNumber(String id, String displayPhoneNumber, String verifiedName) {
    }

    private final String base;
    private final Duration timeout;
    private final Map<SessionSettings, WebClient> clients = new ConcurrentHashMap<>();

    GraphApiClient(SessionWorkerProperties.CloudApi properties) {
        this.base = properties.graphUrl().toString().replaceAll("/+$", "") + "/" + properties.apiVersion();
        this.timeout = properties.timeout();
    }

    Mono<PhoneNumber> phoneNumber(CloudApiSettings account, SessionSettings settings) {
        return client(settings).get()
                .uri(base + "/{id}?fields=display_phone_number,verified_name", account.phoneNumberId())
                .headers(bearer(account))
                .exchangeToMono(GraphApiClient::answer)
                .map(node -> new PhoneNumber(node.path("id").asString(account.phoneNumberId()),
                        node.path("display_phone_number").asString(""), node.path("verified_name").asString("")))
                .onErrorMap(WebClientRequestException.class, GraphApiClient::unreachable);
    }

    /** Sends a message; completes with the {@code wamid} Meta gave it. */
    Mono<String> sendMessage(CloudApiSettings account, SessionSettings settings, JsonNode body) {
        return post(account, settings, "/messages", body).map(node -> {
            JsonNode id = node.path("messages").path(0).path("id");
            if (!id.isString()) {
                throw new ConnectorException("graph_api_error", "the Graph API answered a send without a message id");
            }
            return id.asString();
        });
    }

    /** A request to {@code /messages} that answers no message id (a read receipt). */
    Mono<Void> post(CloudApiSettings account, SessionSettings settings, JsonNode body) {
        return post(account, settings, "/messages", body).then();
    }

    /** Uploads a media file; completes with its Graph API media id. */
    Mono<String> uploadMedia(CloudApiSettings account, SessionSettings settings, byte[] bytes, String mimeType, String fileName) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("messaging_product", "whatsapp");
        form.part("type", mimeType);
        form.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return fileName == null || fileName.isBlank() ? "file" : fileName;
            }
        }).contentType(MediaType.parseMediaType(mimeType));
        return client(settings).post()
                .uri(base + "/{id}/media", account.phoneNumberId())
                .headers(bearer(account))
                .body(BodyInserters.fromMultipartData(form.build()))
                .exchangeToMono(GraphApiClient::answer)
                .map(node -> node.path("id").asString(""))
                .onErrorMap(WebClientRequestException.class, GraphApiClient::unreachable);
    }

    /**
     * A received media file: its URL from {@code GET /{media-id}}, then its bytes from that URL, both with
     * the account's token (Meta's media URLs need it).
     */
    Mono<Download> downloadMedia(CloudApiSettings account, SessionSettings settings, String mediaId) {
        WebClient client = client(settings);
        return client.get()
                .uri(base + "/{id}", mediaId)
                .headers(bearer(account))
                .exchangeToMono(GraphApiClient::answer)
                .flatMap(media -> client.get()
                        .uri(java.net.URI.create(media.path("url").asString("")))
                        .headers(bearer(account))
                        .exchangeToMono(response -> response.statusCode().is2xxSuccessful()
                                ? response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0])
                                : Mono.error(new ConnectorException("graph_api_error",
                                        "Meta's media URL answered " + response.statusCode().value())))
                        .map(bytes -> new Download(bytes, media.path("mime_type").asString("application/octet-stream"))))
                .onErrorMap(WebClientRequestException.class, GraphApiClient::unreachable);
    }

    private Mono<JsonNode> post(CloudApiSettings account, SessionSettings settings, String path, JsonNode body) {
        return client(settings).post()
                .uri(base + "/{id}" + path, account.phoneNumberId())
                .headers(bearer(account))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(WafleetJson.mapper().writeValueAsString(body))
                .exchangeToMono(GraphApiClient::answer)
                .onErrorMap(WebClientRequestException.class, GraphApiClient::unreachable);
    }

    private static java.util.function.Consumer<HttpHeaders> bearer(CloudApiSettings account) {
        return headers -> headers.setBearerAuth(account.accessToken());
    }

    private static Mono<JsonNode> answer(ClientResponse response) {
        return response.bodyToMono(String.class).defaultIfEmpty("{}").map(text -> {
            JsonNode node = parse(text);
            if (response.statusCode().is2xxSuccessful()) {
                return node;
            }
            throw GraphErrors.of(response.statusCode().value(), node);
        });
    }

    private static JsonNode parse(String text) {
        try {
            return WafleetJson.mapper().readTree(text);
        } catch (RuntimeException notJson) {
            return WafleetJson.mapper().createObjectNode();
        }
    }

    private static ConnectorException unreachable(WebClientRequestException e) {
        return new ConnectorException("unreachable", "the Graph API cannot be reached: " + e.getMostSpecificCause().getMessage());
    }

    private WebClient client(SessionSettings settings) {
        return clients.computeIfAbsent(settings, this::newClient);
    }

    private WebClient newClient(SessionSettings settings) {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(timeout.toMillis()))
                .responseTimeout(timeout);
        if (settings.proxy() != null) {
            http = http.proxy(spec -> proxy(spec, settings));
        }
        return WebClient.builder().clientConnector(new ReactorClientHttpConnector(http))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_BODY))
                .build();
    }

    private static void proxy(ProxyProvider.TypeSpec spec, SessionSettings settings) {
        ProxyProvider.Builder proxy = spec
                .type("socks5".equals(settings.proxyType()) ? ProxyProvider.Proxy.SOCKS5 : ProxyProvider.Proxy.HTTP)
                .host(settings.proxy().getHost())
                .port(settings.proxy().getPort());
        String userInfo = settings.proxyUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            proxy.username(colon < 0 ? userInfo : userInfo.substring(0, colon))
                    .password(user -> colon < 0 ? "" : userInfo.substring(colon + 1));
        }
    }
}
