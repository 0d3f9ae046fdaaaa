package io.wafleet.session.connector.sandbox;

import io.wafleet.common.MessageIds;
import io.wafleet.common.command.ChatState;
import io.wafleet.common.command.Command;
import io.wafleet.common.command.Presence;
import io.wafleet.common.command.SandboxChatPresence;

import java.time.Clock;
import java.util.function.Consumer;

/**
 * Presence in the sandbox network: an account's presence is recorded on its linked device
 * ({@link SandboxDevices#presence}); a chat presence (typing, stopped) to another sandbox account's phone
 * reaches that account as a {@code SandboxChatPresence} command keyed by it. As on WhatsApp, a typing
 * indicator is shown whatever the sender's own presence; one to a group (typing in groups is not
 * simulated) or to a number outside the fleet reaches nobody.
 */
final class SandboxPresence {

    private static final String PERSON = "@s.whatsapp.net";

    private final SandboxDevices devices;
    private final Clock clock;
    private final Consumer<Command> routing;

    SandboxPresence(SandboxDevices devices, Clock clock, Consumer<Command> routing) {
        this.devices = devices;
        this.clock = clock;
        this.routing = routing;
    }

    void set(SandboxDevice device, Presence presence) {
        devices.presence(device.accountId(), presence, clock.instant());
    }

    /**
     * {@code sender} shows {@code chat} that it is typing or stopped. The routed command has an id of its
     * own: a chat state is no message and has none to derive one from.
     */
    void show(SandboxDevice sender, String chat, ChatState state) {
        if (!SandboxIds.jid(chat).endsWith(PERSON)) {
            return;
        }
        devices.findByPhone(SandboxIds.digits(chat), sender.accountId()).ifPresent(peer -> routing.accept(
                new SandboxChatPresence(MessageIds.newCommandId(), peer.accountId(), Command.SCHEMA_VERSION,
                        sender.phoneNumber(), sender.accountId().value(), state)));
    }
}
