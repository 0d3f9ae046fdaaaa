package io.wafleet.session.connector.sandbox;

import io.wafleet.common.MessageIds;
import io.wafleet.common.command.Command;
import io.wafleet.common.command.SandboxInbound;
import io.wafleet.common.connector.OutboundMessage;
import io.wafleet.common.connector.SessionListener;
import io.wafleet.common.event.MessageAcked;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How the sandbox network carries messages: a send is remembered ({@link SandboxMessages}), comes back
 * to its sender as receipts, and reaches its recipient when that is another sandbox account (a
 * {@code SandboxInbound} command keyed by it). That account reads it when it marks it read; a simulated
 * outside contact reads it by itself. A forward sends again the content of a message its sender can see.
 */
final class SandboxChats {

    private static final String PERSON = "@s.whatsapp.net";

    private final SandboxConnector network;
    private final SandboxMessages messages;
    private final MessageActions actions;
    private final Consumer<Command> routing;

    SandboxChats(SandboxConnector network, SandboxMessages messages, MessageActions actions, Consumer<Command> routing) {
        this.network = network;
        this.messages = messages;
        this.actions = actions;
        this.routing = routing;
    }

    /** A session sent a message; a forward of a message the sender cannot see fails {@code not_found}. */
    void transmit(SandboxDevice sender, OutboundMessage message, SessionListener listener) {
        Content content = message instanceof OutboundMessage.Forward forward
                ? actions.forwardable(sender.accountId(), forward.originalId(), forward.originalChat()).forwardedCopy()
                : Content.of(message);
        network.count(SandboxNetwork.Counter.SENDS);
        String chat = SandboxIds.jid(message.to());
        Optional<SandboxDevice> recipient = chat.endsWith(PERSON)
                ? network.devices().findByPhone(SandboxIds.digits(message.to()), sender.accountId())
                : Optional.empty();
        Instant now = network.clock().instant();
        messages.remember(CarriedMessage.sent(message.messageId(), sender.accountId(), sender.phoneNumber(), chat,
                recipient.map(SandboxDevice::accountId).orElse(null), content, now), keepUntil(now));
        receipt(listener, message.messageId(), "sent", chat, network.settings().receipts().sent());
        receipt(listener, message.messageId(), "delivered", chat, network.settings().receipts().delivered());
        if (recipient.isEmpty()) {
            receipt(listener, message.messageId(), "read", chat, network.settings().receipts().read());
        }
        recipient.ifPresent(to -> routing.accept(content.inbound(MessageIds.eventId(message.messageId(), "sandbox.inbound"),
                to.accountId(), message.messageId(), sender.phoneNumber(), sender.accountId().value())));
    }

    /**
     * A message reached {@code recipient}: remembered, if the network did not carry it already (one
     * injected from an outside contact), so that the account can act on it.
     */
    void received(SandboxDevice recipient, SandboxInbound inbound) {
        Instant now = network.clock().instant();
        String id = InboundMessages.idOf(inbound);
        messages.remember(CarriedMessage.sent(id, null, SandboxIds.digits(inbound.from()), SandboxIds.jid(recipient.phoneNumber()),
                recipient.accountId(), Content.of(inbound), now), keepUntil(now));
    }

    /** Deletes what the network has forgotten; answers how many messages. */
    long forgetExpired() {
        return messages.forgetExpired(network.clock().instant());
    }

    private Instant keepUntil(Instant now) {
        return now.plus(network.settings().messages().retention());
    }

    private void receipt(SessionListener listener, String messageId, String type, String chat, Duration delay) {
        network.schedule(() -> {
            if ("delivered".equals(type)) {
                network.count(SandboxNetwork.Counter.DELIVERIES);
            }
            listener.receiptReceived(new MessageAcked(List.of(messageId), type, chat, chat));
        }, delay);
    }
}
