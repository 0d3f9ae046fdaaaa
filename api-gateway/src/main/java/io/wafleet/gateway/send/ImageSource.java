package io.wafleet.gateway.send;

import io.netty.channel.ChannelOption;
import io.wafleet.gateway.GatewayProperties;
import io.wafleet.gateway.web.ApiException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import java.net.URI;
import java.time.Duration;

/** Reads an image, uploaded or downloaded from {@code image_url}, into memory within the size limit. */
@Component
class ImageSource {

    private final WebClient client;
    private final int maxBytes;
    private final Duration timeout;

    ImageSource(GatewayProperties properties) {
        this.maxBytes = (int) Math.min(Integer.MAX_VALUE, properties.media().maxSize().toBytes());
        this.timeout = properties.media().downloadTimeout();
        HttpClient http = HttpClient.create()
                .followRedirect(true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeout.toMillis(), 10_000))
                .responseTimeout(timeout);
        this.client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
    }

    Mono<SendService.ImageBytes> upload(FilePart part) {
        return read(part.content(), part.filename());
    }

    Mono<SendService.ImageBytes> download(URI url) {
        return client.get().uri(url)
                .exchangeToMono(response -> response.statusCode().is2xxSuccessful()
                        ? read(response.bodyToFlux(DataBuffer.class), fileName(url))
                        : response.releaseBody().then(Mono.error(ApiException.badRequest(
                                "image_url answered HTTP " + response.statusCode().value() + "; give a URL that serves the image"))))
                .timeout(timeout, Mono.error(() -> ApiException.badRequest(
                        "image_url did not answer within " + timeout.toSeconds() + "s")))
                .onErrorMap(error -> !(error instanceof ApiException),
                        error -> ApiException.badRequest("image_url could not be downloaded: " + error.getMessage()));
    }

    private Mono<SendService.ImageBytes> read(Flux<DataBuffer> content, String fileName) {
        return DataBufferUtils.join(content, maxBytes)
                .onErrorMap(DataBufferLimitException.class, e -> ApiException.tooLarge(
                        "the image is larger than " + maxBytes / (1024 * 1024) + " MB"))
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .switchIfEmpty(Mono.error(() -> ApiException.badRequest("the image is empty")))
                .map(bytes -> {
                    String type = ImageType.detect(bytes);
                    if (type == null) {
                        throw ApiException.badRequest("the image must be a JPEG, PNG, GIF or WebP file");
                    }
                    return new SendService.ImageBytes(bytes, type, ImageType.safeFileName(fileName, type));
                });
    }

    private static String fileName(URI url) {
        String path = url.getPath();
        return path == null ? null : path.substring(path.lastIndexOf('/') + 1);
    }
}
