package io.wafleet.webhook.delivery;

import io.wafleet.common.AccountId;
import io.wafleet.common.event.Event;
import io.wafleet.webhook.WebhookWorkerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Delivers a batch of events. Accounts proceed independently and concurrently (at most
 * {@code max-in-flight} deliveries at once); the events of one account go one after the other, in
 * batch order. {@link #deliverBatch} returns only when every delivery of the batch has finished, so
 * the caller may commit the batch's offsets.
 */
@Service
public class DeliveryService {

    private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);

    private final EventDelivery delivery;
    private final int maxInFlight;
    private final Duration batchTimeout;

    DeliveryService(EventDelivery delivery, WebhookWorkerProperties properties) {
        this.delivery = delivery;
        this.maxInFlight = properties.delivery().maxInFlight();
        this.batchTimeout = properties.delivery().batchTimeout();
    }

    /**
     * Delivers every event and waits for all of them to finish (delivered, given up or skipped).
     *
     * @throws RuntimeException when a webhook cannot be looked up or the batch outlives
     *                          {@code batch-timeout}: the batch is then redelivered (receivers dedupe on the id)
     */
    public void deliverBatch(List<Event> events) {
        Map<AccountId, List<Event>> byAccount = events.stream()
                .collect(Collectors.groupingBy(Event::accountId, LinkedHashMap::new, Collectors.toList()));
        log.debug("Delivering a batch of {} event(s) of {} account(s)", events.size(), byAccount.size());
        Flux.fromIterable(byAccount.values())
                .flatMap(accountEvents -> Flux.fromIterable(accountEvents).concatMap(delivery::deliver), maxInFlight)
                .then()
                .block(batchTimeout);
    }
}
