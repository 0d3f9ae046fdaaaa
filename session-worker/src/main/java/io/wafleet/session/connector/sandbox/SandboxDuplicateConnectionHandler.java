package io.wafleet.session.connector.sandbox;

import io.wafleet.common.command.SandboxDuplicateConnection;
import io.wafleet.common.connector.ConnectorException;
import io.wafleet.session.kafka.EventPublisher;
import io.wafleet.session.session.CommandHandler;
import io.wafleet.session.session.SessionService;

/**
 * Opens a second connection for a logged-in account on purpose (the test that proves the conflict
 * counter works) and answers the status of the account's session afterwards: {@code disconnected},
 * kicked with a {@code conflict}. The session comes back on the account's next command or reconnect.
 */
final class SandboxDuplicateConnectionHandler implements CommandHandler<SandboxDuplicateConnection> {

    private final SandboxConnector connector;
    private final SessionService sessions;
    private final EventPublisher publisher;

    SandboxDuplicateConnectionHandler(SandboxConnector connector, SessionService sessions, EventPublisher publisher) {
        this.connector = connector;
        this.sessions = sessions;
        this.publisher = publisher;
    }

    @Override
    public Class<SandboxDuplicateConnection> type() {
        return SandboxDuplicateConnection.class;
    }

    @Override
    public void handle(SandboxDuplicateConnection command) {
        try {
            if (!sessions.ensureLoggedIn(command.accountId())) {
                throw new ConnectorException("not_logged_in", "account " + command.accountId() + " is not logged in");
            }
            connector.duplicate(command.accountId());
            publisher.replyStatus(command.replyTo(), command.accountId(), sessions.statusOf(command.accountId()));
        } catch (ConnectorException e) {
            publisher.replyError(command.replyTo(), command.accountId(), e.reason(), e.getMessage());
        }
    }
}
