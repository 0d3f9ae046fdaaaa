package io.wafleet.session.connector.sandbox;

import io.wafleet.common.AccountId;
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
 * outside contact reads it by itself. A message to a group reaches every member of it that is a sandbox
 * account ({@link SandboxGroups}). A forward sends again the content of a message its sender can see.
 */
final class SandboxChats {

    private static final String PERSON = "@s.whatsapp.net";
    private static final String GROUP = "@g.us";

    private final SandboxConnector network;
    private final SandboxMessages messages;
    private final MessageActions actions;
    private final SandboxGroups groups;
    private final Consumer<Command> routing;

    SandboxChats(SandboxConnector network, SandboxMessages messages, MessageActions actions, SandboxGroups groups,
                 Consumer<Command> routing) {
        this.network = network;
        this.messages = messages;
        this.actions = actions;
        this.groups = groups;
        this.routing = routing;
    }

    /**
     * A session sent a message; a forward of a message the sender cannot see fails {@code not_found}, a
     * message to a group that does not exist or that the sender is not in fails {@code group_not_found} or
     * {@code not_member}.
     */
    void transmit(SandboxDevice sender, OutboundMessage message, SessionListener listener) {
        Content content = message instanceof OutboundMessage.Forward forward
                ? actions.forwardable(sender.accountId(), forward.originalId(), forward.originalChat()).forwardedCopy()
                : Content.of(message);
        String chat = SandboxIds.jid(message.to());
        if (chat.endsWith(GROUP)) {
            transmitToGroup(sender, message.messageId(), chat, content, listener);
            return;
        }
        network.count(SandboxNetwork.Counter.SENDS);
        Optional<SandboxDevice> recipient = chat.endsWith(PERSON)
                ? network.devices().findByPhone(SandboxIds.digits(message.to()), sender.accountId())
                : Optional.empty();
        remember(message.messageId(), sender, chat, recipient.map(SandboxDevice::accountId).orElse(null), content);
        receipt(listener, message.messageId(), "sent", chat, network.settings().receipts().sent());
        receipt(listener, message.messageId(), "delivered", chat, network.settings().receipts().delivered());
        if (recipient.isEmpty()) {
            receipt(listener, message.messageId(), "read", chat, network.settings().receipts().read());
        }
        recipient.ifPresent(to -> routing.accept(content.inbound(MessageIds.eventId(message.messageId(), "sandbox.inbound"),
                to.accountId(), message.messageId(), sender.phoneNumber(), sender.accountId().value(), null)));
    }

    /**
     * A message to a group reaches each of its members that is a sandbox account (the sender's other
     * members are simulated and take it silently). Its sender gets {@code sent} and {@code delivered}
     * receipts; no automatic {@code read}: WhatsApp reports a group message read only once every member read it.
     */
    private void transmitToGroup(SandboxDevice sender, String messageId, String group, Content content,
                                 SessionListener listener) {
        List<String> members = groups.audience(sender, group);
        network.count(SandboxNetwork.Counter.SENDS);
        remember(messageId, sender, group, null, content);
        receipt(listener, messageId, "sent", group, network.settings().receipts().sent());
        receipt(listener, messageId, "delivered", group, network.settings().receipts().delivered());
        for (String phone : members) {
            network.devices().findByPhone(phone, sender.accountId()).ifPresent(member -> routing.accept(content.inbound(
                    MessageIds.eventId(messageId + "|" + member.accountId().value(), "sandbox.inbound"), member.accountId(),
                    messageId, sender.phoneNumber(), sender.accountId().value(), group)));
        }
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

    private void remember(String messageId, SandboxDevice sender, String chat, AccountId recipient, Content content) {
        Instant now = network.clock().instant();
        messages.remember(CarriedMessage.sent(messageId, sender.accountId(), sender.phoneNumber(), chat, recipient, content, now),
                keepUntil(now));
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
