package io.wafleet.gateway.send;

import io.netty.channel.ChannelOption;
import io.wafleet.gateway.GatewayProperties;
import io.wafleet.gateway.web.ApiException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import java.net.URI;
import java.time.Duration;

/**
 * Reads a send's media, uploaded or downloaded from its {@code <kind>_url}, into memory within its
 * kind's size limit ({@code wafleet.media.max-size.<kind>}), and checks it is of its kind.
 */
@Component
class MediaSource {

    private final WebClient client;
    private final GatewayProperties.Media limits;
    private final Duration timeout;

    MediaSource(GatewayProperties properties) {
        this.limits = properties.media();
        this.timeout = limits.downloadTimeout();
        HttpClient http = HttpClient.create()
                .followRedirect(true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeout.toMillis(), 10_000))
                .responseTimeout(timeout);
        this.client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
    }

    Mono<SendService.MediaBytes> upload(MediaKind kind, FilePart part) {
        MediaType declared = part.headers().getContentType();
        return read(kind, part.content(), declared == null ? null : declared.toString(), part.filename());
    }

    Mono<SendService.MediaBytes> download(MediaKind kind, URI url) {
        String field = kind.urlField();
        return client.get().uri(url)
                .exchangeToMono(response -> response.statusCode().is2xxSuccessful()
                        ? read(kind, response.bodyToFlux(DataBuffer.class),
                                response.headers().contentType().map(MediaType::toString).orElse(null), fileName(url))
                        : response.releaseBody().then(Mono.error(ApiException.badRequest(field + " answered HTTP "
                                + response.statusCode().value() + "; give a URL that serves the " + kind.field()))))
                .timeout(timeout, Mono.error(() -> ApiException.badRequest(
                        field + " did not answer within " + timeout.toSeconds() + "s")))
                .onErrorMap(error -> !(error instanceof ApiException),
                        error -> ApiException.badRequest(field + " could not be downloaded: " + error.getMessage()));
    }

    private Mono<SendService.MediaBytes> read(MediaKind kind, Flux<DataBuffer> content, String declared, String fileName) {
        int maxBytes = (int) Math.min(Integer.MAX_VALUE, kind.maxSize(limits).toBytes());
        return DataBufferUtils.join(content, maxBytes)
                .onErrorMap(DataBufferLimitException.class, e -> ApiException.tooLarge(
                        "the " + kind.field() + " is larger than " + describe(maxBytes)
                                + " (wafleet.media.max-size." + kind.field() + ")"))
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .filter(bytes -> bytes.length > 0)
                .switchIfEmpty(Mono.error(() -> ApiException.badRequest("the " + kind.field() + " is empty")))
                .map(bytes -> {
                    String type = kind.detect(bytes, declared, fileName);
                    if (type == null) {
                        throw ApiException.badRequest("the " + kind.field() + " must be " + kind.accepted());
                    }
                    return new SendService.MediaBytes(bytes, type, kind.safeFileName(fileName, type));
                });
    }

    private static String describe(int bytes) {
        return bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
                : bytes >= 1024 && bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }

    private static String fileName(URI url) {
        String path = url.getPath();
        return path == null ? null : path.substring(path.lastIndexOf('/') + 1);
    }
}
