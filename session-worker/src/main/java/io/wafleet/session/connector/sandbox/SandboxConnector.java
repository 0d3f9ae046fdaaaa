package io.wafleet.session.connector.sandbox;

import io.wafleet.common.AccountId;
import io.wafleet.common.command.Command;
import io.wafleet.common.command.SandboxChatPresence;
import io.wafleet.common.command.SandboxFault;
import io.wafleet.common.command.SandboxGroupUpdate;
import io.wafleet.common.command.SandboxInbound;
import io.wafleet.common.command.SandboxMessageUpdate;
import io.wafleet.common.connector.Connector;
import io.wafleet.common.connector.ConnectorException;
import io.wafleet.common.connector.Credentials;
import io.wafleet.common.connector.MessageAction;
import io.wafleet.common.connector.OutboundMessage;
import io.wafleet.common.connector.Session;
import io.wafleet.common.connector.SessionListener;
import io.wafleet.common.connector.SessionSettings;
import io.wafleet.common.connector.SessionStatus;
import io.wafleet.common.event.ChatPresenceChanged;
import io.wafleet.common.event.GroupParticipantsChanged;
import io.wafleet.common.event.MessageAcked;
import io.wafleet.common.event.MessageChange;
import io.wafleet.common.event.MessageReceived;
import io.wafleet.session.SessionWorkerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The sandbox's side of the connector SPI and this worker's view of the simulated network: the
 * sessions connected here ({@link SandboxConnections}), the linked devices, counters and carried
 * messages (shared through MongoDB), how messages travel ({@link SandboxChats}), the actions on them
 * ({@link MessageActions}), presences ({@link SandboxPresence}), groups ({@link SandboxGroups}) and the
 * faults a test can inject.
 */
final class SandboxConnector implements Connector {

    static final String NAME = "sandbox";
    private static final Logger log = LoggerFactory.getLogger(SandboxConnector.class);

    private final SandboxDevices devices;
    private final SandboxNetwork network;
    private final SandboxConnections connections;
    private final ScheduledExecutorService scheduler;
    private final SessionWorkerProperties.Sandbox settings;
    private final Clock clock;
    private final MessageActions actions;
    private final SandboxChats chats;
    private final SandboxPresence presence;
    private final SandboxUsers users;
    private final SandboxGroups groups;

    /** {@code routing} publishes the commands the network sends to other accounts (keyed by them). */
    SandboxConnector(SandboxDevices devices, SandboxNetwork network, SandboxMessages messages, SandboxGroupStore groups,
                     ScheduledExecutorService scheduler, SessionWorkerProperties.Sandbox settings, Clock clock,
                     Consumer<Command> routing) {
        this.devices = devices;
        this.network = network;
        this.connections = new SandboxConnections(network, clock, settings.connectionTimeout());
        this.scheduler = scheduler;
        this.settings = settings;
        this.clock = clock;
        this.actions = new MessageActions(messages, clock, routing);
        this.groups = new SandboxGroups(groups, devices, clock, routing);
        this.chats = new SandboxChats(this, messages, actions, this.groups, routing);
        this.presence = new SandboxPresence(devices, clock, routing);
        this.users = new SandboxUsers(devices);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SandboxSession open(AccountId accountId, SessionListener listener, SessionSettings settings) {
        return new SandboxSession(this, accountId, listener);
    }

    /** Hangs the sessions up, then removes their registrations from the network in one write. */
    @Override
    public void closeAll(Collection<? extends Session> sessions) {
        Map<AccountId, String> hungUp = new HashMap<>();
        for (Session session : sessions) {
            SandboxSession sandbox = (SandboxSession) session;
            String connectionId = sandbox.hangUpLocally();
            if (connectionId != null) {
                hungUp.put(sandbox.account(), connectionId);
            }
        }
        connections.disconnectAll(hungUp);
    }

    /** The simulated phone confirms the account's pending login; answers the resulting status. */
    SessionStatus scan(AccountId account) {
        return connections.of(account).orElseThrow(
                () -> new ConnectorException("no_pending_login", "the account has no login waiting for a scan")).scan();
    }

    /** A message from a contact reaches the account; false if it has no logged-in session here. */
    boolean deliver(SandboxInbound inbound) {
        return connections.of(inbound.accountId()).map(session -> session.receive(inbound)).orElse(false);
    }

    /** Another account acted on a message of one of the account's chats; false if it has no logged-in session here. */
    boolean deliver(SandboxMessageUpdate update) {
        return connections.of(update.accountId()).map(session -> session.receive(update)).orElse(false);
    }

    /** Another account is typing or stopped in a chat with the account; false if it has no logged-in session here. */
    boolean deliver(SandboxChatPresence chatPresence) {
        return connections.of(chatPresence.accountId()).map(session -> session.receive(chatPresence)).orElse(false);
    }

    /** Participants of a group of the account changed; false if it has no logged-in session here. */
    boolean deliver(SandboxGroupUpdate update) {
        return connections.of(update.accountId()).map(session -> session.receive(update)).orElse(false);
    }

    /** Injects a fault into the account's logged-in session here. */
    void fault(AccountId account, SandboxFault.Kind kind) {
        SandboxSession session = connections.of(account).orElseThrow(
                () -> new ConnectorException("not_logged_in", "the account has no logged-in sandbox session here"));
        switch (kind) {
            case DISCONNECT -> session.drop();
            case LOGGED_OUT -> session.unlinkFromPhone();
        }
    }

    /**
     * Opens a second connection with the account's linked device, bypassing every guard of the worker,
     * then hangs it up: the network kicks the account's session with a {@code conflict} and counts it.
     */
    void duplicate(AccountId account) {
        SandboxDevice device = devices.find(account).orElseThrow(
                () -> new ConnectorException("not_logged_in", "the account has no linked sandbox device"));
        SandboxSession second = open(account, Unheard.INSTANCE, SessionSettings.DIRECT);
        try {
            if (second.restore(device.credentials()).toCompletableFuture().isCompletedExceptionally()) {
                throw new ConnectorException("not_logged_in", "the account's sandbox device is not linked");
            }
        } finally {
            second.close();
        }
    }

    /** A session sent a message (see {@link SandboxChats#transmit}). */
    void transmit(SandboxDevice sender, OutboundMessage message, SessionListener listener) {
        chats.transmit(sender, message, listener);
    }

    /** A session acted on a message (see {@link MessageActions}). */
    void act(SandboxDevice actor, MessageAction action) {
        actions.act(actor, action);
    }

    /** A message reached a session (see {@link SandboxChats#received}). */
    void received(SandboxDevice recipient, SandboxInbound inbound) {
        chats.received(recipient, inbound);
    }

    /** Deletes the carried messages the network has forgotten; answers how many. */
    long forgetExpiredMessages() {
        return chats.forgetExpired();
    }

    /** One keepalive round of this worker's connections (see {@link SandboxConnections#keepAlive}). */
    void keepAlive() {
        connections.keepAlive();
    }

    ScheduledFuture<?> schedule(Runnable work, Duration delay) {
        return scheduler.schedule(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.warn("Sandbox task failed: {}", e.toString());
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    SandboxConnections connections() {
        return connections;
    }

    SandboxUsers users() {
        return users;
    }

    SandboxGroups groups() {
        return groups;
    }

    SandboxPresence presence() {
        return presence;
    }

    SandboxDevices devices() {
        return devices;
    }

    SessionWorkerProperties.Sandbox settings() {
        return settings;
    }

    Clock clock() {
        return clock;
    }

    void count(SandboxNetwork.Counter counter) {
        network.count(counter);
    }

    /** The listener of a connection nobody manages (the deliberate duplicate): it hears nothing. */
    private enum Unheard implements SessionListener {
        INSTANCE;

        @Override
        public void statusChanged(SessionStatus status, String reason) {
        }

        @Override
        public void loggedIn(Credentials credentials, String phoneNumber, String deviceId) {
        }

        @Override
        public void messageReceived(MessageReceived message) {
        }

        @Override
        public void receiptReceived(MessageAcked receipt) {
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
}
