package io.wafleet.webhook.delivery;

import io.wafleet.common.event.Event;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Where deliveries that cannot finish now go: the retry tiers and the dead-letter topic (implemented
 * over Kafka). Each returned Mono completes once the record is safely stored, so the event's offset
 * may then be committed.
 */
public interface Retries {

    /**
     * Has the event attempted again, as attempt number {@code attempt} of its delivery, no sooner than
     * {@code wait} from now.
     */
    Mono<Void> retryLater(Event event, byte[] body, int attempt, Duration wait);

    /**
     * Parks an event whose attempts are exhausted, with how the last one went.
     *
     * @param lastStatus the last HTTP status, or null when no answer came
     * @param lastError  what went wrong last, never a secret
     */
    Mono<Void> deadLetter(Event event, byte[] body, int attempts, Integer lastStatus, String lastError);
}
