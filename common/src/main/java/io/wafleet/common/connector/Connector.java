package io.wafleet.common.connector;

import io.wafleet.common.AccountId;

import java.util.Collection;

/**
 * How a session worker talks to WhatsApp: one implementation per transport (the sandbox, WhatsApp
 * Web multi-device, the Cloud API), chosen by configuration.
 *
 * <p>The worker that owns an account opens at most one {@link Session} for it at a time and drives it
 * from one thread per account at a time; the connector reports what happens through the
 * {@link SessionListener} it was given, from any thread.
 */
public interface Connector {

    /** The connector's name, stored with the credentials it issues. */
    String name();

    /**
     * A closed session for the account, following its settings (its outbound proxy; a connector that has
     * no outbound connection, the sandbox, ignores them); nothing connects until a login or restore is
     * called on it.
     */
    Session open(AccountId accountId, SessionListener listener, SessionSettings settings);

    /** A closed session for the account, without a proxy. */
    default Session open(AccountId accountId, SessionListener listener) {
        return open(accountId, listener, SessionSettings.DIRECT);
    }

    /**
     * Closes sessions of this connector without logging out, as {@link Session#close()} does each: a
     * worker handing hundreds over at once calls this, so a connector can do it in fewer round trips.
     */
    default void closeAll(Collection<? extends Session> sessions) {
        sessions.forEach(Session::close);
    }
}
