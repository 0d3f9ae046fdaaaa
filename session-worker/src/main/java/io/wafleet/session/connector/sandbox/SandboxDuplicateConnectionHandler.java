package io.wafleet.session.connector.sandbox;

import io.wafleet.common.command.SandboxDuplicateConnection;
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
    private final LoggedInSessionCall call;

    SandboxDuplicateConnectionHandler(SandboxConnector connector, SessionService sessions, EventPublisher publisher) {
        this.connector = connector;
        this.call = new LoggedInSessionCall(sessions, publisher);
    }

    @Override
    public Class<SandboxDuplicateConnection> type() {
        return SandboxDuplicateConnection.class;
    }

    @Override
    public void handle(SandboxDuplicateConnection command) {
        call.run(command.accountId(), command.replyTo(), connector::duplicate);
    }
}
