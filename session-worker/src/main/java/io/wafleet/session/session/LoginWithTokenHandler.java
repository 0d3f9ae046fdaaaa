package io.wafleet.session.session;

import io.wafleet.common.command.LoginWithToken;
import io.wafleet.common.connector.ConnectorException;
import io.wafleet.session.kafka.EventPublisher;
import org.springframework.stereotype.Component;

/**
 * A Cloud API login: the account's access token is checked against the Graph API; answers the resulting
 * status, or the reason the token was refused ({@code invalid_token}, {@code unreachable}, ...).
 */
@Component
class LoginWithTokenHandler implements CommandHandler<LoginWithToken> {

    private final SessionService sessions;
    private final EventPublisher publisher;

    LoginWithTokenHandler(SessionService sessions, EventPublisher publisher) {
        this.sessions = sessions;
        this.publisher = publisher;
    }

    @Override
    public Class<LoginWithToken> type() {
        return LoginWithToken.class;
    }

    @Override
    public void handle(LoginWithToken command) {
        try {
            publisher.replyStatus(command.replyTo(), command.accountId(), sessions.tokenLogin(command.accountId()));
        } catch (ConnectorException e) {
            publisher.replyError(command.replyTo(), command.accountId(), e.reason(), e.getMessage());
        }
    }
}
