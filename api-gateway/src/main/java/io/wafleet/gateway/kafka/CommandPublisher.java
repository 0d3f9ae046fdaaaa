package io.wafleet.gateway.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wafleet.common.AccountId;
import io.wafleet.common.Topics;
import io.wafleet.common.command.Command;
import io.wafleet.common.event.AccountConfigChanged;
import io.wafleet.gateway.GatewayProperties;
import io.wafleet.gateway.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Duration;

/**
 * Publishes commands, configuration changes and redelivered events keyed by account id, and completes
 * only when Kafka acknowledged the record ({@code acks=all}) within the configured bound; past it the
 * call answers 503. Commands are counted by type ({@code wafleet.gateway.commands.published}) and
 * timed from the call to Kafka's acknowledgment ({@code wafleet.gateway.commands.publish}, a histogram
 * by {@code type} and {@code outcome}); a command's log lines carry its {@code account_id} and
 * {@code command_id} (MDC, set around each line: a reactive call changes threads).
 */
@Service
public class CommandPublisher {

    private static final Logger log = LoggerFactory.getLogger(CommandPublisher.class);

    private final KafkaTemplate<String, Object> kafka;
    private final Duration timeout;
    private final Clock clock;
    private final MeterRegistry meters;

    CommandPublisher(KafkaTemplate<String, Object> kafka, GatewayProperties properties, MeterRegistry meters) {
        this.kafka = kafka;
        this.meters = meters;
        this.timeout = properties.kafka().sendTimeout();
        this.clock = Clock.systemUTC();
    }

    public Mono<Void> publish(Command command) {
        String type = Command.typeOf(command);
        return Mono.defer(() -> {
            Timer.Sample sample = Timer.start(meters);
            return send(Topics.COMMANDS, command.accountId(), command, command.commandId())
                    .doOnSuccess(done -> {
                        sample.stop(publishTimer(type, "success"));
                        Counter.builder("wafleet.gateway.commands.published").description("Commands Kafka acknowledged, by type")
                                .tag("type", type).register(meters).increment();
                        inContext(command.accountId(), command.commandId(),
                                () -> log.debug("Published command {} ({})", command.commandId(), type));
                    })
                    .doOnError(failure -> sample.stop(publishTimer(type, "failure")));
        });
    }

    private Timer publishTimer(String type, String outcome) {
        return Timer.builder("wafleet.gateway.commands.publish").description("Time from publishing a command to Kafka's ack")
                .tags("type", type, "outcome", outcome)
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30)).register(meters);
    }

    /**
     * Puts a stored event back on {@link Topics#EVENTS} for the webhook workers to deliver again: the
     * exact bytes first published (same event id, so receivers deduplicate), keyed by the account.
     */
    public Mono<Void> republishEvent(AccountId account, byte[] event) {
        return send(Topics.EVENTS, account, event, null);
    }

    /** Tells the workers that the account's configuration changed; a deletion is followed by a tombstone. */
    public Mono<Void> configChanged(AccountId account, boolean deleted) {
        var change = new AccountConfigChanged(account, Command.SCHEMA_VERSION, clock.instant(), deleted);
        Mono<Void> changed = send(Topics.CONFIG, account, change, null);
        return deleted ? changed.then(send(Topics.CONFIG, account, null, null)) : changed;
    }

    private Mono<Void> send(String topic, AccountId account, Object value, String commandId) {
        // send() may block for metadata (bounded by max.block.ms): keep it off the event loop
        return Mono.fromFuture(() -> kafka.send(topic, account.value(), value))
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(timeout)
                .onErrorMap(error -> {
                    inContext(account, commandId,
                            () -> log.warn("publishing to {} for account {} failed: {}", topic, account, error.toString()));
                    return ApiException.unavailable("Kafka did not accept the request within "
                            + timeout.toSeconds() + "s; try again");
                })
                .then();
    }

    /** Runs a log call with the account's and command's ids in the MDC, removed after it. */
    private static void inContext(AccountId account, String commandId, Runnable line) {
        MDC.put("account_id", account.value());
        if (commandId != null) {
            MDC.put("command_id", commandId);
        }
        try {
            line.run();
        } finally {
            MDC.remove("account_id");
            MDC.remove("command_id");
        }
    }
}
