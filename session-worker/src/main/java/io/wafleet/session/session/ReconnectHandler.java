package io.wafleet.session.session;

import io.wafleet.common.command.Reconnect;
import io.wafleet.common.connector.ConnectorException;
import io.wafleet.session.kafka.EventPublisher;
import org.springframework.stereotype.Component;

/** Closes the account's connection and opens it again from the stored login; answers the resulting status. */
@Component
class ReconnectHandler implements CommandHandler<Reconnect> {

    private final SessionService sessions;
    private final EventPublisher publisher;

    ReconnectHandler(SessionService sessions, EventPublisher publisher) {
        this.sessions = sessions;
        this.publisher = publisher;
    }

    @Override
    public Class<Reconnect> type() {
        return Reconnect.class;
    }

    @Override
    public void handle(Reconnect command) {
        try {
            publisher.replyStatus(command.replyTo(), command.accountId(), sessions.reconnect(command.accountId()));
        } catch (ConnectorException e) {
            publisher.replyError(command.replyTo(), command.accountId(), e.reason(), e.getMessage());
        }
    }
}
