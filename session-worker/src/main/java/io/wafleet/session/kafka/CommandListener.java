package io.wafleet.session.kafka;

import io.wafleet.common.Topics;
import io.wafleet.common.command.Command;
import io.wafleet.session.session.CommandDispatcher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;

/**
 * The command topic's listener: a parsed command goes to the dispatcher, timed and counted, with its
 * ids in the logging context; failures go to the error handler.
 */
@Component
class CommandListener {

    private final CommandDispatcher dispatcher;
    private final CommandMetrics metrics;

    CommandListener(CommandDispatcher dispatcher, CommandMetrics metrics) {
        this.dispatcher = dispatcher;
        this.metrics = metrics;
    }

    @KafkaListener(id = "wafleet-session-commands", groupId = KafkaConfiguration.GROUP_ID, topics = Topics.COMMANDS)
    void onCommand(@Payload(required = false) Command command) {
        try (CommandLogContext ignored = CommandLogContext.of(command)) {
            metrics.handle(command, () -> dispatcher.dispatch(command));
        }
    }
}
