package io.wafleet.webhook.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.wafleet.common.event.Event;
import io.wafleet.common.json.WafleetJson;
import io.wafleet.webhook.endpoint.Endpoint;
import io.wafleet.webhook.endpoint.WebhookEndpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers one event: finds its webhook, POSTs the event's exact JSON with fresh signatures on each
 * attempt under the {@link RetryPolicy}, and records how it ended. A failure to deliver is an outcome,
 * not an error; only a failure to find the webhook (MongoDB down) fails the returned Mono.
 */
@Component
class EventDelivery {

    private static final Logger log = LoggerFactory.getLogger(EventDelivery.class);

    private final WebhookEndpoints endpoints;
    private final WebhookClient client;
    private final RetryPolicy retryPolicy;
    private final DeliveryStore store;
    private final MeterRegistry meters;

    EventDelivery(WebhookEndpoints endpoints, WebhookClient client, RetryPolicy retryPolicy, DeliveryStore store,
                  MeterRegistry meters) {
        this.endpoints = endpoints;
        this.client = client;
        this.retryPolicy = retryPolicy;
        this.store = store;
        this.meters = meters;
    }

    Mono<DeliveryOutcome> deliver(Event event) {
        return endpoints.resolve(event.accountId())
                .flatMap(endpoint -> attempts(event, endpoint))
                .switchIfEmpty(Mono.fromSupplier(DeliveryOutcome::skipped))
                .flatMap(outcome -> record(event, outcome));
    }

    private Mono<DeliveryOutcome> attempts(Event event, Endpoint endpoint) {
        byte[] body = WafleetJson.mapper().writeValueAsBytes(event);
        AtomicInteger attempts = new AtomicInteger();
        return Mono.defer(() -> {
                    attempts.incrementAndGet();
                    return client.post(endpoint, event, body);
                })
                .retryWhen(retryPolicy.retrySpec())
                .map(status -> new DeliveryOutcome(DeliveryOutcome.Outcome.DELIVERED, endpoint.url(), attempts.get(), status))
                .onErrorResume(failure -> Mono.just(failed(event, endpoint, attempts.get(), failure)));
    }

    private DeliveryOutcome failed(Event event, Endpoint endpoint, int attempts, Throwable failure) {
        Integer status = failure instanceof WebhookStatusException answered ? answered.status() : null;
        log.warn("Gave up delivering event {} ({}) of account {} after {} attempt(s): {}",
                event.id(), event.event(), event.accountId(), attempts, reason(failure));
        return new DeliveryOutcome(DeliveryOutcome.Outcome.FAILED, endpoint.url(), attempts, status);
    }

    private Mono<DeliveryOutcome> record(Event event, DeliveryOutcome outcome) {
        meters.counter("wafleet.webhook.deliveries", "outcome", outcome.outcome().wireName()).increment();
        log.debug("Event {} of account {}: {} after {} attempt(s), status {}",
                event.id(), event.accountId(), outcome.outcome().wireName(), outcome.attempts(), outcome.statusCode());
        // The delivery has happened either way: a record that cannot be written must not redeliver the batch.
        return store.record(event, outcome)
                .onErrorResume(failure -> {
                    log.warn("Could not record the delivery of event {}: {}", event.id(), reason(failure));
                    return Mono.empty();
                })
                .thenReturn(outcome);
    }

    /** The failure's kind and root cause message: no body, header or secret ever reaches the log. */
    private static String reason(Throwable failure) {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
        return failure.getClass().getSimpleName() + (root == failure ? ": " : " (" + root.getClass().getSimpleName() + "): ")
                + root.getMessage();
    }
}
