package io.wafleet.session.connector.sandbox;

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

final class RecordingListener implements SessionListener {

    final List<String> statuses = new CopyOnWriteArrayList<>();
    final List<Credentials> credentials = new CopyOnWriteArrayList<>();
    final List<MessageAcked> receipts = new CopyOnWriteArrayList<>();
    final List<MessageReceived> messages = new CopyOnWriteArrayList<>();
    final List<MessageChange> changes = new CopyOnWriteArrayList<>();
    final List<ChatPresenceChanged> chatPresences = new CopyOnWriteArrayList<>();
    final List<GroupParticipantsChanged> groupChanges = new CopyOnWriteArrayList<>();
    volatile String phoneNumber;
    volatile String deviceId;

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
