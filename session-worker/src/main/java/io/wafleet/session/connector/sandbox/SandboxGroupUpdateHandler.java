package io.wafleet.session.connector.sandbox;

import io.wafleet.common.command.SandboxGroupUpdate;
import io.wafleet.session.session.CommandHandler;
import io.wafleet.session.session.SessionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Participants of one of the account's groups changed: the account's session reports it. An account
 * without a logged-in session does not hear of it (the group's info still shows the change).
 */
final class SandboxGroupUpdateHandler implements CommandHandler<SandboxGroupUpdate> {

    private static final Logger log = LoggerFactory.getLogger(SandboxGroupUpdateHandler.class);

    private final SandboxConnector connector;
    private final SessionService sessions;

    SandboxGroupUpdateHandler(SandboxConnector connector, SessionService sessions) {
        this.connector = connector;
        this.sessions = sessions;
    }

    @Override
    public Class<SandboxGroupUpdate> type() {
        return SandboxGroupUpdate.class;
    }

    @Override
    public void handle(SandboxGroupUpdate command) {
        if (!sessions.ensureLoggedIn(command.accountId()) || !connector.deliver(command)) {
            log.info("Sandbox group update {} for account {} dropped: the account is not logged in",
                    command.commandId(), command.accountId());
        }
    }
}
