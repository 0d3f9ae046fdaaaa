package io.wafleet.session.kafka;

import io.wafleet.common.Topics;
import io.wafleet.common.command.Command;
import io.wafleet.session.session.CommandDispatcher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;

/**
 * The command topic's listener: a parsed command goes to the dispatcher, timed and counted, with its
 * ids in the logging context; the records it publishes are waited for together once it is handled,
 * before its offset can be committed. Failures go to the error handler.
 */
@Component
class CommandListener {

    private final CommandDispatcher dispatcher;
    private final CommandMetrics metrics;
    private final EventPublisher publisher;

    CommandListener(CommandDispatcher dispatcher, CommandMetrics metrics, EventPublisher publisher) {
        this.dispatcher = dispatcher;
        this.metrics = metrics;
        this.publisher = publisher;
    }

    @KafkaListener(id = "wafleet-session-commands", groupId = KafkaConfiguration.GROUP_ID, topics = Topics.COMMANDS)
    void onCommand(@Payload(required = false) Command command) {
        try (CommandLogContext ignored = CommandLogContext.of(command)) {
            metrics.handle(command, () -> publisher.collecting(() -> dispatcher.dispatch(command)));
        }
    }
}
