package io.wafleet.session.session;

import io.wafleet.common.connector.Credentials;
import io.wafleet.common.connector.SessionListener;
import io.wafleet.common.connector.SessionStatus;
import io.wafleet.common.event.ChatPresenceChanged;
import io.wafleet.common.event.Event;
import io.wafleet.common.event.EventPayload;
import io.wafleet.common.event.GroupParticipantsChanged;
import io.wafleet.common.event.MessageAcked;
import io.wafleet.common.event.MessageChange;
import io.wafleet.common.event.MessageFailed;
import io.wafleet.common.event.MessageReceived;
import io.wafleet.session.credentials.CredentialStore;
import io.wafleet.session.credentials.StoredSession;
import io.wafleet.session.kafka.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.function.Consumer;

/**
 * What one session reports, turned into the worker's records: status changes update the account and
 * publish {@code session.status}; a login stores its credentials (encrypted); messages, receipts and
 * changes to messages (reactions, revokes, edits) become events whose ids derive from the message id
 * (a change's own id), so a repeat is recognised downstream; a chat presence, which has no id, gets one
 * derived from the command it was reported during (see {@link CommandScope}), as does a change of a
 * group's participants.
 * Changed credentials (a linked device's keys) are stored as a login's are.
 * Status and credential reports of a replaced or muted session, or of one whose lease is no longer
 * held, are ignored. A logged-in session that drops (other than by a conflict) goes to {@code onDrop}.
 */
final class WorkerSessionListener implements SessionListener {

    private static final Logger log = LoggerFactory.getLogger(WorkerSessionListener.class);

    private final ManagedSession managed;
    private final SessionRegistry registry;
    private final StatusReporter status;
    private final CredentialStore credentials;
    private final SessionLeases leases;
    private final EventPublisher publisher;
    private final MessageStore messages;
    private final Clock clock;
    private final Consumer<ManagedSession> onDrop;

    WorkerSessionListener(ManagedSession managed, SessionHolder.Collaborators with, Consumer<ManagedSession> onDrop) {
        this.managed = managed;
        this.registry = with.registry();
        this.status = with.status();
        this.credentials = with.credentials();
        this.leases = with.leases();
        this.publisher = with.publisher();
        this.messages = with.messages();
        this.clock = with.clock();
        this.onDrop = onDrop;
    }

    @Override
    public void statusChanged(SessionStatus newStatus, String reason) {
        if (!registry.isCurrent(managed)) {
            return;
        }
        boolean wasLoggedIn = managed.loggedIn();
        managed.status(newStatus);
        if (managed.muted() || !leases.holds(managed.account(), managed.epoch())) {
            return;
        }
        boolean loggedOutFromPhone = newStatus == SessionStatus.LOGGED_OUT;
        if (loggedOutFromPhone) {
            // the credentials are worthless now; a new login is needed
            credentials.delete(managed.account(), managed.epoch());
        }
        status.report(managed, newStatus, reason, loggedOutFromPhone);
        log.info("Account {} is {}{}", managed.account(), newStatus.wireName(), reason == null ? "" : " (" + reason + ")");
        if (wasLoggedIn && newStatus == SessionStatus.DISCONNECTED && !CONFLICT.equals(reason)) {
            onDrop.accept(managed);
        }
    }

    @Override
    public void loggedIn(Credentials issued, String phoneNumber, String deviceId) {
        if (managed.muted() || !registry.isCurrent(managed) || !leases.holds(managed.account(), managed.epoch())) {
            return;
        }
        managed.device(phoneNumber, deviceId);
        if (!credentials.save(managed.account(), managed.epoch(), new StoredSession(issued, phoneNumber, deviceId))) {
            log.warn("Login of account {} not stored: a newer session than lease epoch {} stored one",
                    managed.account(), managed.epoch());
        }
    }

    /** Changed keys of the login stored as the login was: only while this session is current and its lease held. */
    @Override
    public void credentialsChanged(Credentials changed) {
        if (managed.muted() || !registry.isCurrent(managed) || !leases.holds(managed.account(), managed.epoch())) {
            return;
        }
        if (!credentials.save(managed.account(), managed.epoch(),
                new StoredSession(changed, managed.phoneNumber(), managed.deviceId()))) {
            log.warn("Changed login of account {} not stored: a newer session than lease epoch {} stored one",
                    managed.account(), managed.epoch());
        }
    }

    /**
     * A group message reaches several accounts of the fleet under one message id, so its event id also
     * derives from the account (event ids are unique across accounts: the delivery log is keyed by them).
     */
    @Override
    public void messageReceived(MessageReceived message) {
        if (!managed.muted()) {
            String sourceId = message.chatId().endsWith("@g.us") ? message.id() + "|" + managed.account().value() : message.id();
            publisher.publish(Event.of(sourceId, managed.account(), clock.instant(), message));
        }
    }

    /** Its event id derives from the message id: a failure Meta reports again is recognised downstream. */
    @Override
    public void messageFailed(MessageFailed failure) {
        if (!managed.muted()) {
            messages.failedAfterSending(failure.messageId(), failure.reason());
            publisher.publish(Event.of(failure.messageId() + "|failed", managed.account(), clock.instant(), failure));
        }
    }

    @Override
    public void messageChanged(MessageChange change) {
        if (!managed.muted()) {
            publisher.publish(Event.of(change.id(), managed.account(), clock.instant(), change));
        }
    }

    @Override
    public void chatPresenceChanged(ChatPresenceChanged presence) {
        if (!managed.muted()) {
            String type = EventPayload.typeOf(ChatPresenceChanged.class);
            publisher.publish(Event.of(CommandScope.sourceId(type), managed.account(), clock.instant(), presence));
        }
    }

    @Override
    public void groupParticipantsChanged(GroupParticipantsChanged change) {
        if (!managed.muted()) {
            String type = EventPayload.typeOf(GroupParticipantsChanged.class);
            publisher.publish(Event.of(CommandScope.sourceId(type), managed.account(), clock.instant(), change));
        }
    }

    @Override
    public void receiptReceived(MessageAcked receipt) {
        if (!managed.muted() && !receipt.ids().isEmpty()) {
            String sourceId = receipt.ids().getFirst() + "|" + receipt.receiptType();
            messages.receipt(receipt.ids(), receipt.receiptType());
            publisher.publishInBackground(Event.of(sourceId, managed.account(), clock.instant(), receipt));
        }
    }
}
