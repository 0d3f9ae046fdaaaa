package io.wafleet.webhook.delivery;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.wafleet.common.event.Event;
import io.wafleet.webhook.endpoint.Endpoint;
import io.wafleet.webhook.endpoint.WebhookEndpoints;
import io.wafleet.webhook.endpoint.WebhookSecretUnreadableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Optional;

/**
 * Makes one attempt at delivering an event and settles what follows, without waiting for anything
 * but that attempt: a 2xx is {@code delivered}; a final answer or a refused URL is {@code failed}; a
 * retryable failure goes to a retry tier with its backoff ({@code pending}), or once the attempts are
 * spent to the dead-letter topic ({@code dead}). An event the account filters out is {@code filtered},
 * one without a webhook {@code skipped}. An endpoint whose circuit is open is not called: the event is
 * deferred to a retry tier for the circuit's wait, keeping its attempt number.
 */
@Service
public class DeliveryService {

    private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);

    private final WebhookEndpoints endpoints;
    private final WebhookClient client;
    private final RetryPolicy policy;
    private final EndpointBreakers breakers;
    private final DeliveryStore store;
    private final Retries retries;
    private final DeliveryMetrics meters;

    DeliveryService(WebhookEndpoints endpoints, WebhookClient client, RetryPolicy policy, EndpointBreakers breakers,
                    DeliveryStore store, Retries retries, DeliveryMetrics meters) {
        this.endpoints = endpoints;
        this.client = client;
        this.policy = policy;
        this.breakers = breakers;
        this.store = store;
        this.retries = retries;
        this.meters = meters;
    }

    /**
     * Attempts the event as attempt number {@code attempt} (1-based) of its delivery, with {@code body}
     * (its JSON as published) as the request body. Completes once
     * the outcome is recorded and, when there is one, the retry or dead letter is stored in Kafka;
     * MongoDB or Kafka being unreachable is waited out.
     */
    public Mono<Void> deliver(Event event, byte[] body, int attempt) {
        // Deferred, so that a look-up retried after an outage asks the cache again.
        Mono<Optional<Endpoint>> endpoint = Mono.defer(() -> endpoints.resolve(event.accountId())).map(Optional::of)
                .defaultIfEmpty(Optional.empty());
        return Outages.waitOut(endpoint, "look up the webhook of " + event.accountId())
                .flatMap(found -> found.isPresent()
                        ? deliverTo(found.get(), event, body, attempt)
                        : settle(event, null, body, Outcome.SKIPPED, "no webhook configured"))
                .onErrorResume(WebhookSecretUnreadableException.class, e -> unsignable(event, body, attempt, e.getMessage()));
    }

    /**
     * The account's secret does not open with this worker's keys: the event is not sent (unsigned or
     * wrongly signed), but dead-lettered with the reason, to be redelivered once the key is configured.
     */
    private Mono<Void> unsignable(Event event, byte[] body, int attempt, String reason) {
        DeliveryLogContext.log(event, () ->
                log.warn("Dead-lettered event {} of {} without sending it: {}", event.id(), event.accountId(), reason));
        meters.deadLettered("unsignable");
        return settle(event, null, body, Outcome.DEAD, reason)
                .then(Outages.waitOut(retries.deadLetter(event, body, attempt, null, reason), "dead-letter " + event.id()));
    }

    private Mono<Void> deliverTo(Endpoint endpoint, Event event, byte[] body, int attempt) {
        if (!endpoint.accepts(event.event())) {
            return settle(event, endpoint.url(), body, Outcome.FILTERED,
                    "the webhook does not take '" + event.event() + "' events");
        }
        CircuitBreaker breaker = breakers.forUrl(endpoint.url());
        if (!breaker.tryAcquirePermission()) {
            return defer(endpoint, event, body, attempt);
        }
        return client.post(endpoint, event, body, policy.timeoutFor(attempt))
                .doOnNext(result -> EndpointBreakers.record(breaker, result))
                .doOnCancel(breaker::releasePermission)
                .flatMap(result -> conclude(endpoint, event, body, attempt, result));
    }

    private Mono<Void> conclude(Endpoint endpoint, Event event, byte[] body, int attempt, AttemptResult result) {
        meters.attempted(event.accountId(), result);
        return switch (result.verdict()) {
            case DELIVERED -> record(endpoint, event, body, result, Outcome.DELIVERED);
            case FINAL, REFUSED -> record(endpoint, event, body, result, Outcome.FAILED);
            case RETRYABLE -> attempt < policy.maxAttempts(endpoint)
                    ? retry(endpoint, event, body, attempt, result)
                    : deadLetter(endpoint, event, body, attempt, result);
        };
    }

    private Mono<Void> retry(Endpoint endpoint, Event event, byte[] body, int attempt, AttemptResult result) {
        Duration wait = policy.backoff(attempt + 1, result.retryAfter());
        DeliveryLogContext.log(event, () -> log.debug("Event {} of {}: attempt {} failed ({}), next in {} ms", event.id(),
                event.accountId(), attempt, result.error(), wait.toMillis()));
        meters.retried();
        // Recorded first: a quick retry must not find its success overwritten by this attempt's "pending".
        return record(endpoint, event, body, result, Outcome.PENDING)
                .then(Outages.waitOut(retries.retryLater(event, body, attempt + 1, wait), "queue a retry of " + event.id()));
    }

    private Mono<Void> deadLetter(Endpoint endpoint, Event event, byte[] body, int attempt, AttemptResult result) {
        DeliveryLogContext.log(event, () -> log.warn("Gave up delivering event {} ({}) of {} after {} attempt(s): {}",
                event.id(), event.event(), event.accountId(), attempt, result.error()));
        meters.deadLettered("exhausted");
        return record(endpoint, event, body, result, Outcome.DEAD)
                .then(Outages.waitOut(retries.deadLetter(event, body, attempt, result.statusCode(), result.error()),
                        "dead-letter " + event.id()));
    }

    private Mono<Void> defer(Endpoint endpoint, Event event, byte[] body, int attempt) {
        Duration wait = policy.deferral(breakers.openWait());
        meters.deferredByCircuit();
        DeliveryLogContext.log(event, () -> log.debug("Event {} of {}: circuit open, attempt {} deferred by {} ms",
                event.id(), event.accountId(), attempt, wait.toMillis()));
        return Outages.waitOut(store.recordState(event, endpoint.url(), body, Outcome.PENDING,
                        "circuit open for this endpoint: deferred " + wait.toMillis() + " ms without spending an attempt"),
                        "record the deferral of " + event.id())
                .then(Outages.waitOut(retries.retryLater(event, body, attempt, wait), "defer " + event.id()));
    }

    private Mono<Void> record(Endpoint endpoint, Event event, byte[] body, AttemptResult result, Outcome outcome) {
        meters.settled(event.accountId(), outcome);
        DeliveryLogContext.log(event, () -> log.debug("Event {} of {}: {} (status {}, {} ms)", event.id(),
                event.accountId(), outcome.wireName(), result.statusCode(), result.latencyMs()));
        return Outages.waitOut(store.recordAttempt(event, endpoint.url(), body, result, outcome),
                "record an attempt of " + event.id());
    }

    private Mono<Void> settle(Event event, String url, byte[] body, Outcome outcome, String reason) {
        meters.settled(event.accountId(), outcome);
        DeliveryLogContext.log(event, () ->
                log.debug("Event {} of {}: {} ({})", event.id(), event.accountId(), outcome.wireName(), reason));
        return Outages.waitOut(store.recordState(event, url, body, outcome, reason), "record event " + event.id());
    }
}
