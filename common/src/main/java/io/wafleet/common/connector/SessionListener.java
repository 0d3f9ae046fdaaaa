package io.wafleet.common.connector;

import io.wafleet.common.event.ChatPresenceChanged;
import io.wafleet.common.event.GroupParticipantsChanged;
import io.wafleet.common.event.MessageAcked;
import io.wafleet.common.event.MessageChange;
import io.wafleet.common.event.MessageFailed;
import io.wafleet.common.event.MessageReceived;

/**
 * What a {@link Session} reports to the worker that opened it. Implementations must not block.
 *
 * <p>Status reasons the worker acts on: a logged-in session that reports {@link SessionStatus#DISCONNECTED}
 * lost its connection and is reconnected from its stored login with backoff, unless the reason is
 * {@link #CONFLICT} (WhatsApp replaced it with another connection of the same login: reconnecting
 * would only fight that one). {@link SessionStatus#LOGGED_OUT} with {@link #LOGGED_OUT_FROM_PHONE}
 * means the login is worthless: the worker deletes it and does not retry.
 */
public interface SessionListener {

    /** Reason of a {@code disconnected} session that another connection of the same login replaced. */
    String CONFLICT = "conflict";

    /** Reason of a {@code logged_out} session whose device was unlinked on the phone. */
    String LOGGED_OUT_FROM_PHONE = "logged_out_from_phone";

    /** The session moved to {@code status}; {@code reason} may be null. */
    void statusChanged(SessionStatus status, String reason);

    /** A login completed: store these credentials (encrypted) to restore the session later. */
    void loggedIn(Credentials credentials, String phoneNumber, String deviceId);

    /**
     * The login's credentials changed after {@link #loggedIn} (a linked device's Signal keys move on as it
     * talks): store these instead, as {@code loggedIn}'s were, so that a restore elsewhere starts from them.
     * A connector reports at most one change per short interval; the sandbox never does.
     */
    default void credentialsChanged(Credentials credentials) {
    }

    void messageReceived(MessageReceived message);

    void receiptReceived(MessageAcked receipt);

    /**
     * A message WhatsApp took earlier could not be delivered after all (the Cloud API reports it in a
     * {@code failed} status); the worker records it failed and publishes {@code message.failed}.
     * Transports that learn nothing of the kind never call it.
     */
    default void messageFailed(MessageFailed failure) {
    }

    /** Someone in one of the account's chats reacted to, revoked or edited a message. */
    void messageChanged(MessageChange change);

    /**
     * Someone in one of the account's chats is typing or stopped. It carries no id of its own: the worker
     * derives the event's id from the command it was reported during (a replay reports the same id).
     */
    void chatPresenceChanged(ChatPresenceChanged presence);

    /**
     * Participants of one of the account's groups were added, removed, promoted, demoted or left. Like a
     * chat presence it carries no id: the worker derives the event's id from the command it was reported during.
     */
    void groupParticipantsChanged(GroupParticipantsChanged change);
}
