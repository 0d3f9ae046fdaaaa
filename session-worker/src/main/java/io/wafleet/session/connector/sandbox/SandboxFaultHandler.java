package io.wafleet.session.connector.sandbox;

import io.wafleet.common.command.SandboxFault;
import io.wafleet.common.connector.ConnectorException;
import io.wafleet.session.kafka.EventPublisher;
import io.wafleet.session.session.CommandHandler;
import io.wafleet.session.session.SessionService;

/**
 * Injects a fault into the account's logged-in session (restored first if need be) and answers the
 * session's status right after it; {@code not_logged_in} when there is no login to fault.
 */
final class SandboxFaultHandler implements CommandHandler<SandboxFault> {

    private final SandboxConnector connector;
    private final SessionService sessions;
    private final EventPublisher publisher;

    SandboxFaultHandler(SandboxConnector connector, SessionService sessions, EventPublisher publisher) {
        this.connector = connector;
        this.sessions = sessions;
        this.publisher = publisher;
    }

    @Override
    public Class<SandboxFault> type() {
        return SandboxFault.class;
    }

    @Override
    public void handle(SandboxFault command) {
        try {
            if (!sessions.ensureLoggedIn(command.accountId())) {
                throw new ConnectorException("not_logged_in", "account " + command.accountId() + " is not logged in");
            }
            connector.fault(command.accountId(), command.kind());
            publisher.replyStatus(command.replyTo(), command.accountId(), sessions.statusOf(command.accountId()));
        } catch (ConnectorException e) {
            publisher.replyError(command.replyTo(), command.accountId(), e.reason(), e.getMessage());
        }
    }
}
