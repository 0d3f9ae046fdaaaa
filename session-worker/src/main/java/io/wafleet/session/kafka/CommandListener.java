package io.wafleet.session.kafka;

import io.wafleet.common.Topics;
import io.wafleet.common.command.Command;
import io.wafleet.session.session.CommandDispatcher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;

/** The command topic's listener: a parsed command goes to the dispatcher; failures go to the error handler. */
@Component
class CommandListener {

    private final CommandDispatcher dispatcher;

    CommandListener(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @KafkaListener(id = "wafleet-session-commands", groupId = KafkaConfiguration.GROUP_ID, topics = Topics.COMMANDS)
    void onCommand(@Payload(required = false) Command command) {
        dispatcher.dispatch(command);
    }
}
