package io.wafleet.session.session;

import io.micrometer.core.instrument.Timer;
import io.wafleet.common.AccountId;
import io.wafleet.common.connector.ConnectorException;
import io.wafleet.common.connector.OutboundMessage;
import io.wafleet.common.event.Event;
import io.wafleet.common.event.EventPayload;
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
import java.util.OptionalLong;

/**
 * Sends at most once per message id: the message is recorded, then claimed right before the
 * connector sees it, under the account's lease; a replayed send only re-publishes the recorded
 * outcome, with the event ids of the first time. The outcome of a send is recorded and published only
 * while the lease it was sent under is still held.
 */
@Service
class SendService {

    private static final Logger log = LoggerFactory.getLogger(SendService.class);

    private final MessageStore messages;
    private final SessionService sessions;
    private final SessionLeases leases;
    private final EventPublisher publisher;
    private final Clock clock;
    private final SessionMetrics metrics;

    SendService(MessageStore messages, SessionService sessions, SessionLeases leases, EventPublisher publisher, Clock clock,
                SessionMetrics metrics) {
        this.metrics = metrics;
        this.messages = messages;
        this.sessions = sessions;
        this.leases = leases;
        this.publisher = publisher;
        this.clock = clock;
    }

    void send(String commandId, AccountId account, OutboundMessage message, String type, Instant expiresAt) {
        Optional<Document> earlier = messages.recordOrFindEarlier(message.messageId(), commandId, account, message.to(), type);
        if (earlier.isPresent() && !MessageStore.QUEUED.equals(earlier.get().getString("status"))) {
            republish(account, earlier.get());
            return;
        }
        if (expiresAt != null && !clock.instant().isBefore(expiresAt)) {
            fail(commandId, account, message.messageId(), message.to(), "expired");
            return;
        }
        OptionalLong epoch;
        Timer.Sample sending = metrics.startSend();
        try {
            epoch = sessions.send(account, message, () -> messages.claim(message.messageId()));
        } catch (ConnectorException e) {
            metrics.sent(sending, type, false);
            fail(commandId, account, message.messageId(), message.to(), e.reason());
            return;
        }
        metrics.sent(sending, type, true);
        if (epoch.isEmpty()) {
            log.warn("Message {} was claimed by another attempt; not sending it twice", message.messageId());
        } else if (!leases.holds(account, epoch.getAsLong())) {
            log.warn("Message {} was sent, but the lease it was sent under is lost: outcome not recorded by this worker",
                    message.messageId());
        } else {
            messages.outcome(message.messageId(), MessageStore.SENT, null);
            publish(commandId, account, new MessageSent(message.messageId(), message.to(), type));
        }
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
            case MessageStore.SENT, MessageStore.DELIVERED, MessageStore.READ ->
                    publish(commandId, account, new MessageSent(messageId, to, earlier.getString("type")));
            case MessageStore.FAILED -> publish(commandId, account, new MessageFailed(messageId, to, earlier.getString("reason")));
            default -> log.warn("Message {} was handed to the connector before and its outcome is unknown; not sending it again",
                    messageId);
        }
    }

    private void publish(String commandId, AccountId account, EventPayload payload) {
        publisher.publish(Event.of(commandId, account, clock.instant(), payload));
    }
}
