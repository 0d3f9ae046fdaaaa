package io.wafleet.session.connector.linked;

import io.wafleet.common.connector.Credentials;
import io.wafleet.common.connector.SessionListener;
import io.wafleet.common.connector.SessionStatus;
import io.wafleet.common.event.ChatPresenceChanged;
import io.wafleet.common.event.GroupParticipantsChanged;
import io.wafleet.common.event.MessageAcked;
import io.wafleet.common.event.MessageChange;
import io.wafleet.common.event.MessageReceived;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What a linked-device session reported, in order. */
final class RecordingListener implements SessionListener {

    final List<String> statuses = new CopyOnWriteArrayList<>();
    final List<Credentials> logins = new CopyOnWriteArrayList<>();
    final List<Credentials> changedCredentials = new CopyOnWriteArrayList<>();
    final List<MessageReceived> messages = new CopyOnWriteArrayList<>();
    final List<MessageAcked> receipts = new CopyOnWriteArrayList<>();

    @Override
    public void statusChanged(SessionStatus status, String reason) {
        statuses.add(reason == null ? status.wireName() : status.wireName() + ":" + reason);
    }

    @Override
    public void loggedIn(Credentials credentials, String phoneNumber, String deviceId) {
        logins.add(credentials);
    }

    @Override
    public void credentialsChanged(Credentials credentials) {
        changedCredentials.add(credentials);
    }

    @Override
    public void messageReceived(MessageReceived message) {
        messages.add(message);
    }

    @Override
    public void receiptReceived(MessageAcked receipt) {
        receipts.add(receipt);
    }

    @Override
    public void messageChanged(MessageChange change) {
    }

    @Override
    public void chatPresenceChanged(ChatPresenceChanged presence) {
    }

    @Override
    public void groupParticipantsChanged(GroupParticipantsChanged change) {
    }
}
