package io.wafleet.webhook.delivery;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Duration;

/**
 * Waits out MongoDB and Kafka being unreachable: a step that fails for that reason is tried again
 * with backoff, without limit, without holding a thread. The event stays unfinished meanwhile, so its
 * offset is not committed, and the in-flight window pauses the consumer once enough are waiting.
 * Any other failure is not an outage and is passed on.
 */
final class Outages {

    private static final Logger log = LoggerFactory.getLogger(Outages.class);
    private static final Duration FIRST_WAIT = Duration.ofMillis(500);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    private Outages() {
    }

    static <T> Mono<T> waitOut(Mono<T> step, String what) {
        return step.retryWhen(Retry.backoff(Long.MAX_VALUE, FIRST_WAIT).maxBackoff(LONGEST_WAIT)
                .filter(Outages::isOutage)
                .doBeforeRetry(signal -> log.warn("Could not {} (try {}), trying again: {}", what,
                        signal.totalRetries() + 1, signal.failure().toString())));
    }

    static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
                    || cause instanceof MongoSocketException || cause instanceof MongoTimeoutException
                    || cause instanceof org.apache.kafka.common.errors.RetriableException) {
                return true;
            }
        }
        return false;
    }
}
