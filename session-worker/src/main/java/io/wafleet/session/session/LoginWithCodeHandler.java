package io.wafleet.session.session;

import io.wafleet.common.command.LoginWithCode;
import io.wafleet.common.connector.ConnectorException;
import io.wafleet.common.connector.SessionStatus;
import io.wafleet.common.event.Event;
import io.wafleet.common.event.PairCodeIssued;
import io.wafleet.common.event.Reply;
import io.wafleet.session.kafka.EventPublisher;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** A pairing-code login: the code ({@code XXXX-XXXX}) goes back to the waiting call and out as {@code session.pair_code}. */
@Component
class LoginWithCodeHandler implements CommandHandler<LoginWithCode> {

    private final SessionService sessions;
    private final EventPublisher publisher;
    private final Clock clock;

    LoginWithCodeHandler(SessionService sessions, EventPublisher publisher, Clock clock) {
        this.sessions = sessions;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public Class<LoginWithCode> type() {
        return LoginWithCode.class;
    }

    @Override
    public void handle(LoginWithCode command) {
        String code;
        try {
            code = sessions.startCodeLogin(command.accountId(), command.phoneNumber());
        } catch (ConnectorException e) {
            publisher.replyError(command.replyTo(), command.accountId(), e.reason(), e.getMessage());
            return;
        }
        publisher.publish(Event.of(command.commandId(), command.accountId(), clock.instant(),
                new PairCodeIssued(code, command.phoneNumber())));
        if (command.replyTo() != null) {
            publisher.reply(command.replyTo(), new Reply(command.replyTo().correlationId(), command.accountId(),
                    Reply.SCHEMA_VERSION, SessionStatus.SCAN_QR, null, null, code, null, null));
        }
    }
}
