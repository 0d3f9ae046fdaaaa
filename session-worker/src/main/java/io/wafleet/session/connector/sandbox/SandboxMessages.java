package io.wafleet.session.connector.sandbox;

import io.wafleet.common.AccountId;

import java.time.Instant;
import java.util.Optional;

/**
 * The sandbox network's memory of the messages it carried, shared by every worker as WhatsApp's servers
 * are: what reactions, revokes, edits, reads and forwards act on. Each message is remembered until a
 * time given when it is carried, then forgotten, so the memory stays bounded. Changes are single
 * atomic updates, so two accounts acting on one message at once do not undo each other.
 */
interface SandboxMessages {

    /** Remembers a carried message until {@code keepUntil}; a message already remembered stays as it is. */
    void remember(CarriedMessage message, Instant keepUntil);

    /** The message, unless it was never carried or is forgotten by {@code now}. */
    Optional<CarriedMessage> find(String messageId, Instant now);

    /** The message was deleted for everyone. */
    void revoke(String messageId);

    /** The message's text is now {@code text}. */
    void edit(String messageId, String text);

    void star(String messageId, AccountId account, boolean starred);

    /** The account deleted the message for itself: it no longer sees it. */
    void deleteFor(String messageId, AccountId account);

    /** Deletes the messages forgotten by {@code now}; answers how many. */
    long forgetExpired(Instant now);
}
