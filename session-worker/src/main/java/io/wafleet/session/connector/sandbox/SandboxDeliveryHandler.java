package io.wafleet.session.connector.sandbox;

import io.wafleet.common.command.Command;
import io.wafleet.session.session.CommandHandler;
import io.wafleet.session.session.SessionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Something another sandbox account (or a contact) sent reaches this account: a message, a reaction,
 * revoke, edit or read of a message, a typing indicator, a change of a group's participants. The
 * account's session reports it; an account without a logged-in session does not receive it (WhatsApp
 * would hold messages for later; the sandbox drops them, and says so in the log). {@code describe}
 * names what was dropped; {@code frequent} ones (typing) are logged at debug level only.
 */
record SandboxDeliveryHandler<C extends Command>(Class<C> type, Function<C, String> describe, Predicate<C> deliver,
                                                 boolean frequent, SessionService sessions) implements CommandHandler<C> {

    private static final Logger log = LoggerFactory.getLogger(SandboxDeliveryHandler.class);

    @Override
    public void handle(C command) {
        if (!sessions.ensureLoggedIn(command.accountId()) || !deliver.test(command)) {
            if (frequent) {
                log.debug("Sandbox {} for account {} dropped: the account is not logged in", describe.apply(command),
                        command.accountId());
            } else {
                log.info("Sandbox {} for account {} dropped: the account is not logged in", describe.apply(command),
                        command.accountId());
            }
        }
    }
}
