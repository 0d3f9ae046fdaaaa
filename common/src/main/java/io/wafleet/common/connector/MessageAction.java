package io.wafleet.common.connector;

/**
 * An action on a message the account sent or received, as a session performs it: the message is
 * {@code messageId} in the chat {@code chat} (a phone number or WhatsApp id, as the account addresses
 * that chat). What the other people of the chat see of it (a reaction, a revoke, an edit, a read
 * receipt) is the connector's to send; star, unstar and delete stay with the account.
 */
public sealed interface MessageAction {

    String messageId();

    String chat();

    /** The action's name in {@code message.action} events: {@code react}, {@code revoke}, ... */
    default String name() {
        return switch (this) {
            case React react -> "react";
            case Revoke revoke -> "revoke";
            case Delete delete -> "delete";
            case Edit edit -> "edit";
            case Read read -> "read";
            case Star star -> star.starred() ? "star" : "unstar";
        };
    }

    /** An emoji reaction; an empty {@code emoji} removes the account's reaction. */
    record React(String messageId, String chat, String emoji) implements MessageAction {
    }

    /** Delete one of the account's own messages for everyone. */
    record Revoke(String messageId, String chat) implements MessageAction {
    }

    /** Delete a message for the account only. */
    record Delete(String messageId, String chat) implements MessageAction {
    }

    /** Replace the text of one of the account's own messages. */
    record Edit(String messageId, String chat, String text) implements MessageAction {
    }

    /** Mark a received message read: its sender gets a read receipt. */
    record Read(String messageId, String chat) implements MessageAction {
    }

    /** Star ({@code starred}) or unstar a message, for the account only. */
    record Star(String messageId, String chat, boolean starred) implements MessageAction {
    }
}
