package io.wafleet.session.connector.sandbox;

import io.wafleet.common.command.SandboxInbound;
import io.wafleet.session.session.CommandHandler;
import io.wafleet.session.session.SessionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A message from a contact (or another sandbox account) arrives: the account's session reports it
 * as a {@code message} event. An account without a logged-in session does not receive it.
 */
final class SandboxInboundHandler implements CommandHandler<SandboxInbound> {

    private static final Logger log = LoggerFactory.getLogger(SandboxInboundHandler.class);

    private final SandboxConnector connector;
    private final SessionService sessions;

    SandboxInboundHandler(SandboxConnector connector, SessionService sessions) {
        this.connector = connector;
        this.sessions = sessions;
    }

    @Override
    public Class<SandboxInbound> type() {
        return SandboxInbound.class;
    }

    @Override
    public void handle(SandboxInbound command) {
        if (!sessions.ensureLoggedIn(command.accountId()) || !connector.deliver(command)) {
            log.info("Sandbox message {} for account {} dropped: the account is not logged in",
                    command.messageId(), command.accountId());
        }
    }
}
