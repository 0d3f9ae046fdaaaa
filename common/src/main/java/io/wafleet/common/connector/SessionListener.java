package io.wafleet.common.connector;

import io.wafleet.common.event.MessageAcked;
import io.wafleet.common.event.MessageReceived;

/** What a {@link Session} reports to the worker that opened it. Implementations must not block. */
public interface SessionListener {

    /** The session moved to {@code status}; {@code reason} may be null. */
    void statusChanged(SessionStatus status, String reason);

    /** A login completed: store these credentials (encrypted) to restore the session later. */
    void loggedIn(Credentials credentials, String phoneNumber, String deviceId);

    void messageReceived(MessageReceived message);

    void receiptReceived(MessageAcked receipt);
}
