package io.wafleet.session.session;

import io.wafleet.common.AccountId;
import io.wafleet.common.connector.ConnectorException;
import io.wafleet.common.connector.MessageAction;
import io.wafleet.common.event.Event;
import io.wafleet.common.event.MessageActionFinished;
import io.wafleet.session.kafka.EventPublisher;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Actions on messages (react, revoke, delete, edit, read, star, unstar) at most once per command id,
 * the way {@link SendService} sends: the action is recorded, then claimed right before the connector
 * sees it, under the account's lease ({@link ActionStore}); a replayed command only re-publishes the
 * recorded outcome, as a {@code message.action} event with the id of the first time. The outcome is
 * recorded and published only while the lease it was acted under is still held.
 */
@Service
class MessageActionService {

    private static final Logger log = LoggerFactory.getLogger(MessageActionService.class);

    private final ActionStore actions;
    private final SessionService sessions;
    private final SessionLeases leases;
    private final EventPublisher publisher;
    private final Clock clock;

    MessageActionService(ActionStore actions, SessionService sessions, SessionLeases leases, EventPublisher publisher,
                         Clock clock) {
        this.actions = actions;
        this.sessions = sessions;
        this.leases = leases;
        this.publisher = publisher;
        this.clock = clock;
    }

    void act(String commandId, AccountId account, MessageAction action) {
        Optional<Document> earlier = actions.recordOrFindEarlier(commandId, account, action);
        if (earlier.isPresent() && !ActionStore.QUEUED.equals(earlier.get().getString("status"))) {
            republish(commandId, account, action, earlier.get());
            return;
        }
        OptionalLong epoch;
        try {
            epoch = sessions.act(account, action, () -> actions.claim(commandId));
        } catch (ConnectorException e) {
            finish(commandId, account, action, MessageActionFinished.FAILED, e.reason());
            return;
        }
        if (epoch.isEmpty()) {
            log.warn("Action {} was claimed by another attempt; not acting twice", commandId);
        } else if (!leases.holds(account, epoch.getAsLong())) {
            log.warn("Action {} was taken, but the lease it was taken under is lost: outcome not recorded by this worker",
                    commandId);
        } else {
            finish(commandId, account, action, MessageActionFinished.DONE, null);
        }
    }

    private void finish(String commandId, AccountId account, MessageAction action, String status, String reason) {
        actions.outcome(commandId, status, reason);
        publish(commandId, account, new MessageActionFinished(action.name(), action.messageId(), action.chat(), status, reason));
    }

    private void republish(String commandId, AccountId account, MessageAction action, Document earlier) {
        String status = earlier.getString("status");
        if (ActionStore.DONE.equals(status) || ActionStore.FAILED.equals(status)) {
            publish(commandId, account, new MessageActionFinished(action.name(), action.messageId(), action.chat(), status,
                    earlier.getString("reason")));
        } else {
            log.warn("Action {} was handed to the connector before and its outcome is unknown; not acting again", commandId);
        }
    }

    private void publish(String commandId, AccountId account, MessageActionFinished outcome) {
        publisher.publish(Event.of(commandId, account, clock.instant(), outcome));
    }
}
