package io.wafleet.session.connector.sandbox;

import io.wafleet.common.AccountId;
import io.wafleet.common.command.ReplyTo;
import io.wafleet.common.connector.ConnectorException;
import io.wafleet.session.kafka.EventPublisher;
import io.wafleet.session.session.SessionService;

import java.util.function.Consumer;

/**
 * A sandbox call on an account's logged-in session (restored first if need be) that a gateway call
 * waits for: it answers the session's status right after the action, or {@code not_logged_in} (or the
 * connector's reason) when there is nothing to act on.
 */
final class LoggedInSessionCall {

    private final SessionService sessions;
    private final EventPublisher publisher;

    LoggedInSessionCall(SessionService sessions, EventPublisher publisher) {
        this.sessions = sessions;
        this.publisher = publisher;
    }

    void run(AccountId account, ReplyTo replyTo, Consumer<AccountId> action) {
        try {
            if (!sessions.ensureLoggedIn(account)) {
                throw new ConnectorException("not_logged_in", "account " + account + " is not logged in");
            }
            action.accept(account);
            publisher.replyStatus(replyTo, account, sessions.statusOf(account));
        } catch (ConnectorException e) {
            publisher.replyError(replyTo, account, e.reason(), e.getMessage());
        }
    }
}
