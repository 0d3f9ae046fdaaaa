package io.wafleet.session.connector.sandbox;

import io.wafleet.common.AccountId;
import io.wafleet.common.MessageIds;
import io.wafleet.common.command.Command;
import io.wafleet.common.command.MediaRef;
import io.wafleet.common.command.SandboxInbound;
import io.wafleet.common.connector.Connector;
import io.wafleet.common.connector.ConnectorException;
import io.wafleet.common.connector.OutboundMessage;
import io.wafleet.common.connector.SessionListener;
import io.wafleet.common.connector.SessionStatus;
import io.wafleet.common.event.MessageAcked;
import io.wafleet.session.SessionWorkerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The sandbox's side of the connector SPI and this worker's view of the simulated network: the
 * sessions connected here, the linked devices (shared through MongoDB), the receipts of sends and the
 * routing of a send to another sandbox account (a {@code SandboxInbound} command keyed by it).
 */
final class SandboxConnector implements Connector {

    static final String NAME = "sandbox";
    private static final Logger log = LoggerFactory.getLogger(SandboxConnector.class);

    private final SandboxDevices devices;
    private final ScheduledExecutorService scheduler;
    private final SessionWorkerProperties.Sandbox settings;
    private final Clock clock;
    private final Consumer<SandboxInbound> network;
    private final ConcurrentMap<AccountId, SandboxSession> connected = new ConcurrentHashMap<>();

    SandboxConnector(SandboxDevices devices, ScheduledExecutorService scheduler, SessionWorkerProperties.Sandbox settings,
                     Clock clock, Consumer<SandboxInbound> network) {
        this.devices = devices;
        this.scheduler = scheduler;
        this.settings = settings;
        this.clock = clock;
        this.network = network;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SandboxSession open(AccountId accountId, SessionListener listener) {
        return new SandboxSession(this, accountId, listener);
    }

    /** The simulated phone confirms the account's pending login; answers the resulting status. */
    SessionStatus scan(AccountId account) {
        SandboxSession session = connected.get(account);
        if (session == null) {
            throw new ConnectorException("no_pending_login", "the account has no login waiting for a scan");
        }
        return session.scan();
    }

    /** A message from a contact reaches the account; false if it has no logged-in session here. */
    boolean deliver(SandboxInbound inbound) {
        SandboxSession session = connected.get(inbound.accountId());
        return session != null && session.receive(inbound);
    }

    /** A session sent a message: receipts come back over time, and another sandbox account receives it. */
    void transmit(SandboxDevice sender, OutboundMessage message, SessionListener listener) {
        String chat = SandboxIds.jid(message.to());
        receipt(listener, message.messageId(), "sent", chat, settings.receipts().sent());
        receipt(listener, message.messageId(), "delivered", chat, settings.receipts().delivered());
        receipt(listener, message.messageId(), "read", chat, settings.receipts().read());
        if (!chat.endsWith("@s.whatsapp.net")) {
            return;
        }
        devices.findByPhone(SandboxIds.digits(message.to()), sender.accountId())
                .ifPresent(recipient -> network.accept(inbound(sender, recipient, message)));
    }

    void connected(AccountId account, SandboxSession session) {
        SandboxSession previous = connected.put(account, session);
        if (previous != null && previous != session) {
            previous.close();
        }
    }

    void disconnected(AccountId account, SandboxSession session) {
        connected.remove(account, session);
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

    SandboxDevices devices() {
        return devices;
    }

    SessionWorkerProperties.Sandbox settings() {
        return settings;
    }

    Clock clock() {
        return clock;
    }

    private void receipt(SessionListener listener, String messageId, String type, String chat, Duration delay) {
        schedule(() -> listener.receiptReceived(new MessageAcked(List.of(messageId), type, chat, chat)), delay);
    }

    private static SandboxInbound inbound(SandboxDevice sender, SandboxDevice recipient, OutboundMessage message) {
        String text = switch (message) {
            case OutboundMessage.Text t -> t.text();
            case OutboundMessage.Image i -> i.caption();
        };
        MediaRef media = message instanceof OutboundMessage.Image image ? image.image() : null;
        return new SandboxInbound(MessageIds.eventId(message.messageId(), "sandbox.inbound"), recipient.accountId(),
                Command.SCHEMA_VERSION, message.messageId(), sender.phoneNumber(), sender.accountId().value(), text, media);
    }
}
