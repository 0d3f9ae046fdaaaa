package io.wafleet.session.session;

import io.wafleet.common.AccountId;
import io.wafleet.common.connector.Connector;
import io.wafleet.common.connector.Session;
import io.wafleet.common.connector.SessionStatus;

/**
 * A connector session this worker holds, with what the worker knows of it and the epoch of the lease
 * it was opened under: every write of its state is checked against that epoch. A muted session
 * (opened to delete an account or log it out) reports nothing through its listener.
 */
final class ManagedSession {

    private final AccountId account;
    private final long epoch;
    private final boolean muted;
    private final Connector connector;
    private volatile Session session;
    private volatile SessionStatus status = SessionStatus.DISCONNECTED;
    private volatile String phoneNumber;
    private volatile String deviceId;

    ManagedSession(AccountId account, long epoch, boolean muted, Connector connector) {
        this.account = account;
        this.epoch = epoch;
        this.muted = muted;
        this.connector = connector;
    }

    /** The connector the session was opened through. */
    Connector connector() {
        return connector;
    }

    AccountId account() {
        return account;
    }

    long epoch() {
        return epoch;
    }

    boolean muted() {
        return muted;
    }

    Session session() {
        return session;
    }

    void attach(Session session) {
        this.session = session;
    }

    SessionStatus status() {
        return status;
    }

    void status(SessionStatus status) {
        this.status = status;
    }

    boolean loggedIn() {
        return status == SessionStatus.LOGGED_IN;
    }

    String phoneNumber() {
        return phoneNumber;
    }

    String deviceId() {
        return deviceId;
    }

    void device(String phoneNumber, String deviceId) {
        this.phoneNumber = phoneNumber;
        this.deviceId = deviceId;
    }
}
