package io.wafleet.session.connector.sandbox;

import io.wafleet.common.AccountId;
import io.wafleet.common.MessageIds;
import io.wafleet.common.command.Command;
import io.wafleet.common.command.SandboxMessageUpdate;
import io.wafleet.common.connector.ConnectorException;
import io.wafleet.common.connector.MessageAction;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Actions on the messages the sandbox network carried, with WhatsApp's rules: an account acts only on
 * messages of its own chats ({@code not_found} otherwise, also for a message never carried, forgotten,
 * or deleted for that account); only the sender revokes or edits ({@code not_own_message}), and edits
 * within {@link #EDIT_WINDOW} ({@code edit_window_passed}) a message that has text ({@code not_editable});
 * a revoked message can only be deleted ({@code revoked}). The other person of the chat, when it is a
 * sandbox account, is told of reactions, revokes, edits and reads by a {@code SandboxMessageUpdate}
 * command keyed by it; star, unstar and delete stay with the acting account.
 */
final class MessageActions {

    /** How long after sending WhatsApp lets a message be edited. */
    static final Duration EDIT_WINDOW = Duration.ofMinutes(15);

    private final SandboxMessages messages;
    private final Clock clock;
    private final Consumer<Command> routing;

    MessageActions(SandboxMessages messages, Clock clock, Consumer<Command> routing) {
        this.messages = messages;
        this.clock = clock;
        this.routing = routing;
    }

    /** Performs the action of {@code actor}'s session; a {@link ConnectorException} names why it cannot. */
    void act(SandboxDevice actor, MessageAction action) {
        Found found = find(actor.accountId(), action.messageId(), action.chat());
        if (found.message().revoked() && !(action instanceof MessageAction.Delete)) {
            throw new ConnectorException("revoked", "the message was deleted for everyone");
        }
        String id = found.message().id();
        switch (action) {
            case MessageAction.React react -> tell(actor, found, SandboxMessageUpdate.Kind.REACTION, react.emoji(), null);
            case MessageAction.Revoke revoke -> {
                requireOwn(found);
                messages.revoke(id);
                tell(actor, found, SandboxMessageUpdate.Kind.REVOKED, null, null);
            }
            case MessageAction.Edit edit -> {
                requireEditable(found);
                messages.edit(id, edit.text());
                tell(actor, found, SandboxMessageUpdate.Kind.EDITED, null, edit.text());
            }
            case MessageAction.Read read -> {
                if (!found.view().fromMe()) {
                    tell(actor, found, SandboxMessageUpdate.Kind.READ, null, null);
                }
            }
            case MessageAction.Star star -> messages.star(id, actor.accountId(), star.starred());
            case MessageAction.Delete delete -> messages.deleteFor(id, actor.accountId());
        }
    }

    /** The content of a message {@code account} can see in {@code chat}, to forward it. */
    Content forwardable(AccountId account, String messageId, String chat) {
        Found found = find(account, messageId, chat);
        if (found.message().revoked()) {
            throw new ConnectorException("revoked", "the message was deleted for everyone");
        }
        return found.message().content();
    }

    private Found find(AccountId account, String messageId, String chat) {
        CarriedMessage message = messages.find(messageId, clock.instant()).orElseThrow(() -> notFound(messageId, chat));
        CarriedMessage.View view = message.viewOf(account).filter(seen -> seen.chat().equals(SandboxIds.jid(chat)))
                .orElseThrow(() -> notFound(messageId, chat));
        return new Found(message, view);
    }

    private void requireOwn(Found found) {
        if (!found.view().fromMe()) {
            throw new ConnectorException("not_own_message", "only the sender can revoke or edit a message");
        }
    }

    private void requireEditable(Found found) {
        requireOwn(found);
        if (!found.message().content().editable()) {
            throw new ConnectorException("not_editable", "only a message with text (or a caption) can be edited");
        }
        if (clock.instant().isAfter(found.message().sentAt().plus(EDIT_WINDOW))) {
            throw new ConnectorException("edit_window_passed", "a message can be edited within 15 minutes of sending it");
        }
    }

    private void tell(SandboxDevice actor, Found found, SandboxMessageUpdate.Kind kind, String emoji, String text) {
        AccountId peer = found.view().peer();
        if (peer != null) {
            routing.accept(new SandboxMessageUpdate(MessageIds.newMessageId(), peer, Command.SCHEMA_VERSION, kind,
                    found.message().id(), actor.phoneNumber(), actor.accountId().value(), emoji, text));
        }
    }

    private static ConnectorException notFound(String messageId, String chat) {
        return new ConnectorException("not_found", "no message " + messageId + " in the chat " + chat + " for this account");
    }

    private record Found(CarriedMessage message, CarriedMessage.View view) {
    }
}
