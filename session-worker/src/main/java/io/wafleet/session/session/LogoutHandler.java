package io.wafleet.session.session;

import io.wafleet.common.command.Logout;
import io.wafleet.common.connector.ConnectorException;
import io.wafleet.common.connector.SessionStatus;
import io.wafleet.session.kafka.EventPublisher;
import org.springframework.stereotype.Component;

/**
 * An explicit logout. The account ends {@code disconnected} with no device (so sends answer 409
 * until a new login); {@code logged_out} is kept for logouts that came from the phone.
 */
@Component
class LogoutHandler implements CommandHandler<Logout> {

    private final SessionService sessions;
    private final EventPublisher publisher;

    LogoutHandler(SessionService sessions, EventPublisher publisher) {
        this.sessions = sessions;
        this.publisher = publisher;
    }

    @Override
    public Class<Logout> type() {
        return Logout.class;
    }

    @Override
    public void handle(Logout command) {
        try {
            sessions.logout(command.accountId());
            publisher.replyStatus(command.replyTo(), command.accountId(), SessionStatus.DISCONNECTED);
        } catch (ConnectorException e) {
            publisher.replyError(command.replyTo(), command.accountId(), e.reason(), e.getMessage());
        }
    }
}
