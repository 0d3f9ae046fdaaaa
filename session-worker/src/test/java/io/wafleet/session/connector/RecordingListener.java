package io.wafleet.session.connector;

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

/** A session listener for connector tests: it keeps everything a session reports. */
public final class RecordingListener implements SessionListener {

    public final List<String> statuses = new CopyOnWriteArrayList<>();
    public final List<Credentials> credentials = new CopyOnWriteArrayList<>();
    public final List<Credentials> changedCredentials = new CopyOnWriteArrayList<>();
    public final List<MessageAcked> receipts = new CopyOnWriteArrayList<>();
    public final List<MessageReceived> messages = new CopyOnWriteArrayList<>();
    public final List<MessageChange> changes = new CopyOnWriteArrayList<>();
    public final List<ChatPresenceChanged> chatPresences = new CopyOnWriteArrayList<>();
    public final List<GroupParticipantsChanged> groupChanges = new CopyOnWriteArrayList<>();
    public volatile String phoneNumber;
    public volatile String deviceId;

    @Override
    public void statusChanged(SessionStatus status, String reason) {
        statuses.add(reason == null ? status.wireName() : status.wireName() + ":" + reason);
    }

    @Override
    public void loggedIn(Credentials issued, String phone, String device) {
        credentials.add(issued);
        phoneNumber = phone;
        deviceId = device;
    }

    @Override
    public void credentialsChanged(Credentials changed) {
        changedCredentials.add(changed);
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
        changes.add(change);
    }

    @Override
    public void chatPresenceChanged(ChatPresenceChanged presence) {
        chatPresences.add(presence);
    }

    @Override
    public void groupParticipantsChanged(GroupParticipantsChanged change) {
        groupChanges.add(change);
    }
}
