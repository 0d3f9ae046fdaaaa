package io.wafleet.common.event;

import java.time.Instant;

/**
 * A change to a message of one of the account's chats, made by someone in it: a reaction, a revoke,
 * an edit. {@code id} is the id of the protocol message that carried the change (not the changed
 * message's), as go-whatsapp-web-multidevice reports it; events of a change derive their ids from it.
 */
public sealed interface MessageChange extends EventPayload permits MessageReaction, MessageRevoked, MessageEdited {

    String id();

    String chatId();

    String from();

    Instant timestamp();
}
