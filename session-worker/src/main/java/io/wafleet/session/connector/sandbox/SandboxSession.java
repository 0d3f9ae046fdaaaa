package io.wafleet.session.connector.sandbox;

import io.wafleet.common.AccountId;
import io.wafleet.common.command.ChatState;
import io.wafleet.common.command.ParticipantAction;
import io.wafleet.common.command.Presence;
import io.wafleet.common.command.SandboxChatPresence;
import io.wafleet.common.command.SandboxGroupUpdate;
import io.wafleet.common.command.SandboxInbound;
import io.wafleet.common.command.SandboxMessageUpdate;
import io.wafleet.common.connector.ConnectorException;
import io.wafleet.common.connector.Credentials;
import io.wafleet.common.connector.GroupChange;
import io.wafleet.common.connector.GroupInfo;
import io.wafleet.common.connector.MessageAction;
import io.wafleet.common.connector.OutboundMessage;
import io.wafleet.common.connector.Session;
import io.wafleet.common.connector.SessionListener;
import io.wafleet.common.connector.SessionStatus;
import io.wafleet.common.connector.WhatsAppUser;
import io.wafleet.common.event.GroupParticipantsChanged;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;

/**
 * One account's connection to the sandbox network: closed, waiting for a scan, or logged in over a
 * registered connection. Every send and action first checks that the connection is still the account's
 * registered one; a session replaced by another connection is kicked with a {@code conflict}. So does a
 * presence: WhatsApp takes presences only over a live connection.
 */
final class SandboxSession implements Session {

    private enum State { CLOSED, PENDING, LOGGED_IN }

    private final SandboxConnector network;
    private final AccountId account;
    private final SessionListener listener;
    private State state = State.CLOSED;
    private String pendingPhone;
    private Instant pendingUntil;
    private ScheduledFuture<?> autoScan;
    private SandboxDevice device;
    private String connectionId;

    SandboxSession(SandboxConnector network, AccountId account, SessionListener listener) {
        this.network = network;
        this.account = account;
        this.listener = listener;
    }

    AccountId account() {
        return account;
    }

    @Override
    public synchronized CompletionStage<QrCode> loginWithQr() {
        Duration validFor = network.settings().qrDuration();
        awaitScan(SandboxIds.phoneFor(account), validFor);
        return CompletableFuture.completedFuture(new QrCode(SandboxIds.qrText(), validFor));
    }

    @Override
    public synchronized CompletionStage<String> loginWithCode(String phoneNumber) {
        String phone = SandboxIds.digits(phoneNumber);
        if (phone.length() < 8 || phone.length() > 15) {
            return CompletableFuture.failedFuture(new ConnectorException("invalid_phone", "a phone number has 8-15 digits"));
        }
        awaitScan(phone, network.settings().qrDuration());
        return CompletableFuture.completedFuture(SandboxIds.pairCode());
    }

    /** The phone confirmed the pending login: the device is linked and the session logged in. */
    synchronized SessionStatus scan() {
        if (state != State.PENDING) {
            throw new ConnectorException("no_pending_login", "the account has no login waiting for a scan");
        }
        if (network.clock().instant().isAfter(pendingUntil)) {
            throw new ConnectorException("no_pending_login", "the login code expired; start a new login");
        }
        cancelAutoScan();
        device = new SandboxDevice(account, pendingPhone, SandboxIds.deviceId(pendingPhone), SandboxIds.token());
        network.devices().link(device);
        goLive();
        listener.loggedIn(device.credentials(), device.phoneNumber(), device.deviceId());
        listener.statusChanged(SessionStatus.LOGGED_IN, null);
        return SessionStatus.LOGGED_IN;
    }

    @Override
    public synchronized CompletionStage<Void> restore(Credentials credentials) {
        try {
            SandboxDevice claimed = SandboxDevice.fromCredentials(account, credentials);
            boolean linked = network.devices().find(account).filter(d -> d.token().equals(claimed.token())).isPresent();
            if (!linked) {
                hangUp();
                listener.statusChanged(SessionStatus.LOGGED_OUT, SessionListener.LOGGED_OUT_FROM_PHONE);
                return CompletableFuture.failedFuture(
                        new ConnectorException(SessionListener.LOGGED_OUT_FROM_PHONE, "the device was unlinked from the phone"));
            }
            device = claimed;
            goLive();
        } catch (ConnectorException e) {
            return CompletableFuture.failedFuture(e);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new ConnectorException("network_unreachable", e.toString()));
        }
        listener.statusChanged(SessionStatus.LOGGED_IN, null);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletionStage<Void> send(OutboundMessage message) {
        return overConnection(() -> network.transmit(device, message, listener));
    }

    @Override
    public synchronized CompletionStage<Void> act(MessageAction action) {
        return overConnection(() -> network.act(device, action));
    }

    @Override
    public synchronized CompletionStage<Void> sendPresence(Presence presence) {
        return overConnection(() -> network.presence().set(device, presence));
    }

    @Override
    public synchronized CompletionStage<Void> sendChatPresence(String chat, ChatState chatState) {
        return overConnection(() -> network.presence().show(device, chat, chatState));
    }

    @Override
    public synchronized CompletionStage<WhatsAppUser> lookUp(String phone) {
        return overConnection(() -> network.users().lookUp(device, phone));
    }

    @Override
    public synchronized CompletionStage<GroupChange> createGroup(String createKey, String subject, List<String> participants) {
        return overConnection(() -> network.groups().create(device, createKey, subject, participants));
    }

    @Override
    public synchronized CompletionStage<GroupInfo> groupInfo(String groupId) {
        return overConnection(() -> network.groups().info(device, groupId));
    }

    @Override
    public synchronized CompletionStage<GroupChange> updateGroupParticipants(String groupId, ParticipantAction action,
                                                                          List<String> participants) {
        return overConnection(() -> network.groups().update(device, groupId, action, participants));
    }

    @Override
    public synchronized CompletionStage<Void> leaveGroup(String groupId) {
        return overConnection(() -> network.groups().leave(device, groupId));
    }

    /** A message for this account; false when the session is not logged in. */
    synchronized boolean receive(SandboxInbound inbound) {
        if (state != State.LOGGED_IN) {
            return false;
        }
        network.received(device, inbound);
        listener.messageReceived(InboundMessages.received(inbound, network.clock().instant()));
        return true;
    }

    /** Another account acted on a message of one of this account's chats; false when the session is not logged in. */
    synchronized boolean receive(SandboxMessageUpdate update) {
        if (state != State.LOGGED_IN) {
            return false;
        }
        InboundMessages.report(update, listener, network.clock().instant());
        return true;
    }

    /** Another account is typing or stopped in a chat with this account; false when the session is not logged in. */
    synchronized boolean receive(SandboxChatPresence presence) {
        if (state != State.LOGGED_IN) {
            return false;
        }
        listener.chatPresenceChanged(InboundMessages.chatPresence(presence, network.clock().instant()));
        return true;
    }

    /** Participants of one of this account's groups changed; false when the session is not logged in. */
    synchronized boolean receive(SandboxGroupUpdate update) {
        if (state != State.LOGGED_IN) {
            return false;
        }
        listener.groupParticipantsChanged(new GroupParticipantsChanged(update.groupId(), update.action(),
                update.participants(), update.by(), network.clock().instant()));
        return true;
    }

    /** The network replaced connection {@code replaced} with another: if it still is this session's, it ends. */
    synchronized void kick(String replaced) {
        if (state != State.LOGGED_IN || !replaced.equals(connectionId)) {
            return;
        }
        network.connections().forget(this, connectionId);
        connectionId = null;
        state = State.CLOSED;
        listener.statusChanged(SessionStatus.DISCONNECTED, SessionListener.CONFLICT);
    }

    /** Fault: the connection drops (the login stays valid). */
    synchronized void drop() {
        requireLoggedIn();
        hangUp();
        listener.statusChanged(SessionStatus.DISCONNECTED, "connection_lost");
    }

    /** Fault: the device is unlinked from the phone; the login is worthless now. */
    synchronized void unlinkFromPhone() {
        requireLoggedIn();
        network.devices().unlink(account, device.token());
        hangUp();
        listener.statusChanged(SessionStatus.LOGGED_OUT, SessionListener.LOGGED_OUT_FROM_PHONE);
    }

    @Override
    public synchronized CompletionStage<Void> logout() {
        if (state == State.LOGGED_IN) {
            network.devices().unlink(account, device.token());
        }
        close();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized void close() {
        network.connections().unregister(account, hangUpLocally());
    }

    /**
     * {@link #close()}, except that the network registration stays for the caller to remove with
     * others: answers the connection id it had, or null when it had none.
     */
    synchronized String hangUpLocally() {
        cancelAutoScan();
        return leave();
    }

    /**
     * A call over the live connection: it first checks that the connection is still the account's
     * registered one (a replaced one is kicked with a {@code conflict}); the call's own refusals keep
     * their reasons, anything else is {@code network_unreachable}.
     */
    private CompletionStage<Void> overConnection(Runnable call) {
        return overConnection(() -> {
            call.run();
            return null;
        });
    }

    /** {@link #overConnection(Runnable)} for a call that answers something. */
    private <T> CompletionStage<T> overConnection(Supplier<T> call) {
        if (state != State.LOGGED_IN) {
            return CompletableFuture.failedFuture(new ConnectorException("not_logged_in", "the session is not logged in"));
        }
        try {
            if (!network.connections().isCurrent(this, connectionId)) {
                kick(connectionId);
                return CompletableFuture.failedFuture(new ConnectorException(SessionListener.CONFLICT,
                        "another connection of this login replaced the session"));
            }
            return CompletableFuture.completedFuture(call.get());
        } catch (ConnectorException refused) {
            return CompletableFuture.failedFuture(refused);
        } catch (RuntimeException unreachable) {
            return CompletableFuture.failedFuture(new ConnectorException("network_unreachable", unreachable.toString()));
        }
    }

    private void goLive() {
        hangUp();
        connectionId = network.connections().connect(this);
        state = State.LOGGED_IN;
    }

    private void hangUp() {
        network.connections().unregister(account, leave());
    }

    /** Closes the connection on this side; answers its id (null when there was none), still registered. */
    private String leave() {
        String had = connectionId;
        network.connections().hungUpLocally(this, had);
        connectionId = null;
        state = State.CLOSED;
        return had;
    }

    private void requireLoggedIn() {
        if (state != State.LOGGED_IN) {
            throw new ConnectorException("not_logged_in", "the account has no logged-in sandbox session here");
        }
    }

    private void awaitScan(String phone, Duration validFor) {
        cancelAutoScan();
        hangUp();
        state = State.PENDING;
        pendingPhone = phone;
        pendingUntil = network.clock().instant().plus(validFor);
        network.connections().pending(this);
        listener.statusChanged(SessionStatus.SCAN_QR, null);
        Duration after = network.settings().autoScan();
        if (after != null && !after.isNegative()) {
            autoScan = network.schedule(this::scan, after);
        }
    }

    private void cancelAutoScan() {
        if (autoScan != null) {
            autoScan.cancel(false);
            autoScan = null;
        }
    }
}
