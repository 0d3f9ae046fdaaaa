package io.wafleet.session.connector.sandbox;

import io.wafleet.common.command.SandboxMessageUpdate;
import io.wafleet.session.session.CommandHandler;
import io.wafleet.session.session.SessionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Another sandbox account reacted to, revoked, edited or read a message of a chat with this account:
 * the account's session reports it. An account without a logged-in session does not hear of it, as
 * with messages ({@link SandboxInboundHandler}).
 */
final class SandboxMessageUpdateHandler implements CommandHandler<SandboxMessageUpdate> {

    private static final Logger log = LoggerFactory.getLogger(SandboxMessageUpdateHandler.class);

    private final SandboxConnector connector;
    private final SessionService sessions;

    SandboxMessageUpdateHandler(SandboxConnector connector, SessionService sessions) {
        this.connector = connector;
        this.sessions = sessions;
    }

    @Override
    public Class<SandboxMessageUpdate> type() {
        return SandboxMessageUpdate.class;
    }

    @Override
    public void handle(SandboxMessageUpdate command) {
        if (!sessions.ensureLoggedIn(command.accountId()) || !connector.deliver(command)) {
            log.info("Sandbox {} of message {} for account {} dropped: the account is not logged in",
                    command.kind().wireName(), command.messageId(), command.accountId());
        }
    }
}
