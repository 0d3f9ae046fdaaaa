package io.wafleet.session.connector.sandbox;

import io.wafleet.common.command.SandboxFault;
import io.wafleet.session.kafka.EventPublisher;
import io.wafleet.session.session.CommandHandler;
import io.wafleet.session.session.SessionService;

/**
 * Injects a fault into the account's logged-in session (restored first if need be) and answers the
 * session's status right after it; {@code not_logged_in} when there is no login to fault.
 */
final class SandboxFaultHandler implements CommandHandler<SandboxFault> {

    private final SandboxConnector connector;
    private final LoggedInSessionCall call;

    SandboxFaultHandler(SandboxConnector connector, SessionService sessions, EventPublisher publisher) {
        this.connector = connector;
        this.call = new LoggedInSessionCall(sessions, publisher);
    }

    @Override
    public Class<SandboxFault> type() {
        return SandboxFault.class;
    }

    @Override
    public void handle(SandboxFault command) {
        call.run(command.accountId(), command.replyTo(), account -> connector.fault(account, command.kind()));
    }
}
