package io.wafleet.webhook.delivery;

import io.netty.channel.ChannelOption;
import io.wafleet.common.event.Event;
import io.wafleet.webhook.WebhookWorkerProperties;
import io.wafleet.webhook.endpoint.Endpoint;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import java.time.Clock;
import java.time.Duration;

/**
 * One POST of an event to a webhook, non-blocking. Headers and signatures are built when the attempt
 * is subscribed, so every retry carries its own timestamp. Emits the status on 2xx and fails with
 * {@link WebhookStatusException} otherwise; the response body is drained and ignored.
 */
@Component
class WebhookClient {

    private final WebClient webClient;
    private final Clock clock;
    private final Duration attemptTimeout;

    WebhookClient(WebhookWorkerProperties properties, Clock clock) {
        WebhookWorkerProperties.Delivery delivery = properties.delivery();
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(delivery.connectTimeout().toMillis()))
                .responseTimeout(delivery.responseTimeout());
        this.webClient = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
        this.clock = clock;
        // A backstop for what the connect and response timeouts do not cover (a trickling response body).
        this.attemptTimeout = delivery.connectTimeout().plus(delivery.responseTimeout()).multipliedBy(2);
    }

    Mono<Integer> post(Endpoint endpoint, Event event, byte[] body) {
        return Mono.defer(() -> webClient.post()
                        .uri(endpoint.url())
                        .headers(headers -> headers.addAll(
                                WebhookHeaders.forAttempt(event, endpoint.secret(), body, clock.instant().getEpochSecond())))
                        .bodyValue(body)
                        .exchangeToMono(response -> response.releaseBody()
                                .thenReturn(response.statusCode().value())))
                .timeout(attemptTimeout)
                .flatMap(status -> status >= 200 && status < 300
                        ? Mono.just(status)
                        : Mono.error(new WebhookStatusException(status)));
    }
}
