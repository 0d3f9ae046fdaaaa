package io.wafleet.common.command;

/**
 * A command that acts on a message the account sent or received: {@code messageId} names it and
 * {@code phone} is the chat it is in (the other person's phone number or WhatsApp id, or a group's id),
 * as WhatsApp keys a message by its chat and id. Each runs at most once per {@code command_id}; its
 * outcome is a {@code message.action} event ({@link ForwardMessage}, a send, reports as sends do).
 */
public sealed interface MessageCommand extends Command
        permits ReactToMessage, RevokeMessage, DeleteMessage, EditMessage, MarkMessageRead, StarMessage, UnstarMessage,
        ForwardMessage {

    String messageId();

    String phone();
}
