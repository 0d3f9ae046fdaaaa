package io.wafleet.session.session;

import io.wafleet.common.AccountId;
import io.wafleet.common.connector.ConnectorException;
import io.wafleet.common.connector.OutboundMessage;
import io.wafleet.common.event.Event;
import io.wafleet.common.event.MessageFailed;
import io.wafleet.common.event.MessageSent;
import io.wafleet.session.kafka.EventPublisher;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Sends at most once per message id: the message is recorded before the connector sees it, and a
 * replayed send only re-publishes the recorded outcome, with the event ids of the first time.
 */
@Service
class SendService {

    private static final Logger log = LoggerFactory.getLogger(SendService.class);

    private final MessageStore messages;
    private final SessionService sessions;
    private final EventPublisher publisher;
    private final Clock clock;

    SendService(MessageStore messages, SessionService sessions, EventPublisher publisher, Clock clock) {
        this.messages = messages;
        this.sessions = sessions;
        this.publisher = publisher;
        this.clock = clock;
    }

    void send(String commandId, AccountId account, OutboundMessage message, String type, Instant expiresAt) {
        Optional<Document> earlier = messages.recordOrFindEarlier(message.messageId(), commandId, account, message.to(), type);
        if (earlier.isPresent()) {
            republish(account, earlier.get());
            return;
        }
        if (expiresAt != null && !clock.instant().isBefore(expiresAt)) {
            fail(commandId, account, message.messageId(), message.to(), "expired");
            return;
        }
        try {
            sessions.send(account, message);
        } catch (ConnectorException e) {
            fail(commandId, account, message.messageId(), message.to(), e.reason());
            return;
        }
        messages.outcome(message.messageId(), MessageStore.SENT, null);
        publish(commandId, account, new MessageSent(message.messageId(), message.to(), type));
    }

    private void fail(String commandId, AccountId account, String messageId, String to, String reason) {
        messages.outcome(messageId, MessageStore.FAILED, reason);
        publish(commandId, account, new MessageFailed(messageId, to, reason));
    }

    private void republish(AccountId account, Document earlier) {
        String messageId = earlier.getString("_id");
        String commandId = earlier.getString("command_id");
        String to = earlier.getString("to");
        switch (earlier.getString("status")) {
            case MessageStore.SENT -> publish(commandId, account, new MessageSent(messageId, to, earlier.getString("type")));
            case MessageStore.FAILED -> publish(commandId, account, new MessageFailed(messageId, to, earlier.getString("reason")));
            default -> log.warn("Message {} was handed to the connector before and its outcome is unknown; not sending it again",
                    messageId);
        }
    }

    private void publish(String commandId, AccountId account, io.wafleet.common.event.EventPayload payload) {
        publisher.publish(Event.of(commandId, account, clock.instant(), payload));
    }
}
