package io.wafleet.session.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wafleet.common.command.Command;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The command meters, tagged by command {@code type} (a fixed set, see {@link Command#typeOf}):
 * {@code wafleet.commands.consumed} (every handling, a retry included), {@code wafleet.commands.failed}
 * (handlings that threw, to be retried or rejected), {@code wafleet.commands.rejected} (given up: on
 * {@code wafleet.commands.dlt}) and the timer {@code wafleet.commands.handling} (with {@code outcome},
 * as a histogram).
 */
@Component
class CommandMetrics {

    /** The type of a record that is not a command at all. */
    static final String UNREADABLE = "unreadable";

    private final MeterRegistry registry;

    CommandMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void handle(Command command, Runnable work) {
        String type = typeOf(command);
        Counter.builder("wafleet.commands.consumed").description("Commands handled, retries included")
                .tag("type", type).register(registry).increment();
        Timer.Sample sample = Timer.start(registry);
        String outcome = "failure";
        try {
            work.run();
            outcome = "success";
        } catch (RuntimeException e) {
            Counter.builder("wafleet.commands.failed").description("Command handlings that threw")
                    .tag("type", type).register(registry).increment();
            throw e;
        } finally {
            sample.stop(Timer.builder("wafleet.commands.handling").description("Time to handle a command")
                    .tags("type", type, "outcome", outcome)
                    .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofSeconds(30)).register(registry));
        }
    }

    void rejected(Command command) {
        Counter.builder("wafleet.commands.rejected").description("Commands given up and dead-lettered")
                .tag("type", typeOf(command)).register(registry).increment();
    }

    private static String typeOf(Command command) {
        return command == null ? UNREADABLE : Command.typeOf(command);
    }
}
