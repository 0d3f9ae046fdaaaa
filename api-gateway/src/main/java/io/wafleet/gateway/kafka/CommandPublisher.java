package io.wafleet.gateway.kafka;

import io.wafleet.common.AccountId;
import io.wafleet.common.Topics;
import io.wafleet.common.command.Command;
import io.wafleet.common.event.AccountConfigChanged;
import io.wafleet.gateway.GatewayProperties;
import io.wafleet.gateway.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Duration;

/**
 * Publishes commands, configuration changes and redelivered events keyed by account id, and completes
 * only when Kafka acknowledged the record ({@code acks=all}) within the configured bound; past it the
 * call answers 503.
 */
@Service
public class CommandPublisher {

    private static final Logger log = LoggerFactory.getLogger(CommandPublisher.class);

    private final KafkaTemplate<String, Object> kafka;
    private final Duration timeout;
    private final Clock clock;

    CommandPublisher(KafkaTemplate<String, Object> kafka, GatewayProperties properties) {
        this.kafka = kafka;
        this.timeout = properties.kafka().sendTimeout();
        this.clock = Clock.systemUTC();
    }

    public Mono<Void> publish(Command command) {
        return send(Topics.COMMANDS, command.accountId(), command);
    }

    /**
     * Puts a stored event back on {@link Topics#EVENTS} for the webhook workers to deliver again: the
     * exact bytes first published (same event id, so receivers deduplicate), keyed by the account.
     */
    public Mono<Void> republishEvent(AccountId account, byte[] event) {
        return send(Topics.EVENTS, account, event);
    }

    /** Tells the workers that the account's configuration changed; a deletion is followed by a tombstone. */
    public Mono<Void> configChanged(AccountId account, boolean deleted) {
        var change = new AccountConfigChanged(account, Command.SCHEMA_VERSION, clock.instant(), deleted);
        Mono<Void> changed = send(Topics.CONFIG, account, change);
        return deleted ? changed.then(send(Topics.CONFIG, account, null)) : changed;
    }

    private Mono<Void> send(String topic, AccountId account, Object value) {
        // send() may block for metadata (bounded by max.block.ms): keep it off the event loop
        return Mono.fromFuture(() -> kafka.send(topic, account.value(), value))
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(timeout)
                .onErrorMap(error -> {
                    log.warn("publishing to {} for account {} failed: {}", topic, account, error.toString());
                    return ApiException.unavailable("Kafka did not accept the request within "
                            + timeout.toSeconds() + "s; try again");
                })
                .then();
    }
}
