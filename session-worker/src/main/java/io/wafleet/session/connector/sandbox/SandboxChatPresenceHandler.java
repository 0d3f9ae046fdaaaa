package io.wafleet.session.connector.sandbox;

import io.wafleet.common.command.SandboxChatPresence;
import io.wafleet.session.session.CommandHandler;
import io.wafleet.session.session.SessionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Another sandbox account is typing, or stopped, in a chat with this account: the account's session
 * reports it. An account without a logged-in session does not hear of it (WhatsApp keeps no chat state
 * for later), logged at debug level since typing indicators come often.
 */
final class SandboxChatPresenceHandler implements CommandHandler<SandboxChatPresence> {

    private static final Logger log = LoggerFactory.getLogger(SandboxChatPresenceHandler.class);

    private final SandboxConnector connector;
    private final SessionService sessions;

    SandboxChatPresenceHandler(SandboxConnector connector, SessionService sessions) {
        this.connector = connector;
        this.sessions = sessions;
    }

    @Override
    public Class<SandboxChatPresence> type() {
        return SandboxChatPresence.class;
    }

    @Override
    public void handle(SandboxChatPresence command) {
        if (!sessions.ensureLoggedIn(command.accountId()) || !connector.deliver(command)) {
            log.debug("Sandbox chat presence {} for account {} dropped: the account is not logged in",
                    command.commandId(), command.accountId());
        }
    }
}
