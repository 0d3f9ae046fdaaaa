package io.wafleet.session.session;

import io.wafleet.common.command.Login;
import io.wafleet.common.connector.ConnectorException;
import io.wafleet.common.connector.Session;
import io.wafleet.common.connector.SessionStatus;
import io.wafleet.common.event.Event;
import io.wafleet.common.event.QrIssued;
import io.wafleet.common.event.Reply;
import io.wafleet.session.kafka.EventPublisher;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** A QR login: the QR text goes back to the waiting gateway call and out as {@code session.qr}. */
@Component
class LoginHandler implements CommandHandler<Login> {

    private final SessionService sessions;
    private final EventPublisher publisher;
    private final Clock clock;

    LoginHandler(SessionService sessions, EventPublisher publisher, Clock clock) {
        this.sessions = sessions;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public Class<Login> type() {
        return Login.class;
    }

    @Override
    public void handle(Login command) {
        Session.QrCode qr;
        try {
            qr = sessions.startQrLogin(command.accountId());
        } catch (ConnectorException e) {
            publisher.replyError(command.replyTo(), command.accountId(), e.reason(), e.getMessage());
            return;
        }
        int seconds = Math.toIntExact(qr.validFor().toSeconds());
        publisher.publish(Event.of(command.commandId(), command.accountId(), clock.instant(), new QrIssued(qr.text(), seconds)));
        if (command.replyTo() != null) {
            publisher.reply(command.replyTo(), new Reply(command.replyTo().correlationId(), command.accountId(),
                    Reply.SCHEMA_VERSION, SessionStatus.SCAN_QR, qr.text(), seconds, null, null, null));
        }
    }
}
