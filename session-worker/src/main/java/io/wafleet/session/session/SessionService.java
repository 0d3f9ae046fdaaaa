package io.wafleet.session.session;

import io.wafleet.common.AccountId;
import io.wafleet.common.command.ChatState;
import io.wafleet.common.command.Presence;
import io.wafleet.common.connector.CloudApiSettings;
import io.wafleet.common.connector.ConnectorException;
import io.wafleet.common.connector.MessageAction;
import io.wafleet.common.connector.OutboundMessage;
import io.wafleet.common.connector.Session;
import io.wafleet.common.connector.SessionStatus;
import io.wafleet.common.connector.WhatsAppUser;
import io.wafleet.session.SessionWorkerProperties;
import io.wafleet.session.credentials.CredentialStore;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What commands do to the sessions this worker holds: logins, restores from stored credentials,
 * sends, actions on messages, presences, logout, reconnect and deletion. Every operation runs under the account's lock; sessions are
 * opened and closed through {@link SessionHolder}, under the account's lease. An operation that needs
 * a session while another worker holds the lease throws {@link LeaseUnavailableException}: the
 * command waits in Kafka (the error handler retries it) until the lease is free.
 */
@Service
public class SessionService {

    private final SessionRegistry registry;
    private final SessionHolder holder;
    private final SessionRestore restore;
    private final CredentialStore credentials;
    private final StatusReporter status;
    private final SessionLeases leases;
    private final Transports transports;
    private final Duration timeout;

    SessionService(SessionRegistry registry, SessionHolder holder, SessionRestore restore, CredentialStore credentials,
                   StatusReporter status, SessionLeases leases, Transports transports, SessionWorkerProperties properties) {
        this.transports = transports;
        this.registry = registry;
        this.holder = holder;
        this.restore = restore;
        this.credentials = credentials;
        this.status = status;
        this.leases = leases;
        this.timeout = properties.sessions().callTimeout();
    }

    /** True when the account has a logged-in session here, restored from its stored credentials if need be. */
    public boolean ensureLoggedIn(AccountId account) {
        return registry.locked(account, () -> liveOrRestored(account).isPresent());
    }

    /** The status of the account's session here; {@code disconnected} when there is none. */
    public SessionStatus statusOf(AccountId account) {
        ManagedSession held = registry.get(account);
        return held == null ? SessionStatus.DISCONNECTED : held.status();
    }

    Session.QrCode startQrLogin(AccountId account) {
        return registry.locked(account, () -> {
            refuseIfLoggedIn(account);
            return ConnectorCalls.await(holder.open(account, transports.forLogin(account), false).session().loginWithQr(), timeout);
        });
    }

    String startCodeLogin(AccountId account, String phoneNumber) {
        return registry.locked(account, () -> {
            refuseIfLoggedIn(account);
            return ConnectorCalls.await(holder.open(account, transports.forLogin(account), false).session().loginWithCode(phoneNumber),
                    timeout);
        });
    }

    /**
     * A login with the access token of the account's Cloud API settings: a session already logged in is
     * replaced (the token may have been rotated). Completes with the new session's status.
     */
    SessionStatus tokenLogin(AccountId account) {
        return registry.locked(account, () -> {
            TransportSettingsStore.AccountTransport stored = transports.settingsOf(account);
            CloudApiSettings settings = stored.cloudApi().orElseThrow(() -> new ConnectorException(
                    "not_supported", "the account has no Cloud API settings; it logs in by QR code or pairing code"));
            ManagedSession managed = holder.open(account, transports.forLogin(stored), false);
            try {
                ConnectorCalls.await(managed.session().loginWithToken(settings), timeout);
            } catch (ConnectorException e) {
                holder.close(managed);
                throw e;
            }
            return managed.status();
        });
    }

    /**
     * Sends through the account's logged-in session (restored if need be). {@code handOver} runs once the
     * session and its lease are in hand, right before the connector sees the message; if it answers
     * false nothing is sent.
     *
     * @return the lease epoch of the session that sent, or empty when {@code handOver} declined
     */
    OptionalLong send(AccountId account, OutboundMessage message, BooleanSupplier handOver) {
        return onLiveSession(account, handOver, session -> session.send(message));
    }

    /** Acts on a message through the account's logged-in session, as {@link #send} sends. */
    OptionalLong act(AccountId account, MessageAction action, BooleanSupplier handOver) {
        return onLiveSession(account, handOver, session -> session.act(action));
    }

    /**
     * Sets the account's presence through its logged-in session (restored if need be). An effect with no
     * record: a repeat sets it again. A {@link ConnectorException} {@code not_logged_in} when there is none.
     */
    void sendPresence(AccountId account, Presence presence) {
        onLiveSession(account, () -> true, session -> session.sendPresence(presence));
    }

    /** Shows a chat that the account is typing or stopped, as {@link #sendPresence} sets a presence. */
    void sendChatPresence(AccountId account, String chat, ChatState state) {
        onLiveSession(account, () -> true, session -> session.sendChatPresence(chat, state));
    }

    private OptionalLong onLiveSession(AccountId account, BooleanSupplier handOver,
                                       Function<Session, CompletionStage<Void>> call) {
        return registry.locked(account, () -> {
            ManagedSession live = liveOrRestored(account)
                    .orElseThrow(() -> new ConnectorException("not_logged_in", "the account has no logged-in session"));
            requireLease(live);
            if (!handOver.getAsBoolean()) {
                return OptionalLong.empty();
            }
            try {
                ConnectorCalls.await(call.apply(live.session()), timeout);
            } catch (ConnectorException e) {
                requireLease(live);
                throw e;
            }
            return OptionalLong.of(live.epoch());
        });
    }

    /** What WhatsApp tells the account about {@code phone}, through its logged-in session (restored if need be). */
    WhatsAppUser lookUp(AccountId account, String phone) {
        return ask(account, session -> session.lookUp(phone));
    }

    /**
     * A call through the account's logged-in session (restored if need be) whose answer the caller
     * replies with: a question, or a group call (the connector makes those safe to repeat).
     * A {@link ConnectorException} {@code not_logged_in} when there is no session.
     */
    <T> T ask(AccountId account, Function<Session, CompletionStage<T>> call) {
        return registry.locked(account, () -> {
            ManagedSession live = liveOrRestored(account)
                    .orElseThrow(() -> new ConnectorException("not_logged_in", "the account has no logged-in session"));
            return ConnectorCalls.await(call.apply(live.session()), timeout);
        });
    }

    SessionStatus reconnect(AccountId account) {
        return registry.locked(account, () -> {
            if (!credentials.exists(account)) {
                throw new ConnectorException("not_logged_in", "the account has no stored login to reconnect");
            }
            holder.close(registry.get(account));
            return restore.run(account, false).map(ManagedSession::status).orElse(SessionStatus.LOGGED_OUT);
        });
    }

    /** Logs the device out and forgets it; the account ends {@code disconnected}, without a device. */
    void logout(AccountId account) {
        registry.locked(account, () -> {
            ManagedSession held = liveOrRestored(account).orElse(registry.get(account));
            if (held == null) {
                if (!credentials.exists(account)) {
                    throw new ConnectorException("not_logged_in", "the account has no session to log out");
                }
                // a login that cannot be restored: a bare session takes the lease that fences the writes below
                held = holder.open(account, transports.forStored(account), true);
            }
            logOut(held);
            credentials.delete(account, held.epoch());
            status.report(held, SessionStatus.DISCONNECTED, "logout", true);
            holder.close(held);
        });
    }

    /** The account was deleted: its device is logged out and its login forgotten, without a word to the account. */
    void delete(AccountId account) {
        registry.locked(account, () -> {
            ManagedSession held = registry.get(account);
            if ((held == null || !held.loggedIn()) && credentials.exists(account)) {
                holder.close(held);
                held = restore.run(account, true).orElse(null);
            }
            logOut(held);
            holder.close(held);
            credentials.delete(account);
        });
    }

    /**
     * A start-queue restore: only while this worker still owns the account and holds no session for it.
     * An account whose login was dropped meanwhile costs a lease taken and given back, no more.
     */
    void restoreOwned(AccountId account, Predicate<AccountId> stillOwned) {
        registry.locked(account, () -> {
            if (stillOwned.test(account) && registry.get(account) == null) {
                restore.run(account, false);
            }
        });
    }

    private Optional<ManagedSession> liveOrRestored(AccountId account) {
        ManagedSession live = registry.get(account);
        if (live != null && live.loggedIn()) {
            return Optional.of(live);
        }
        if (live != null && live.status() == SessionStatus.SCAN_QR) {
            return Optional.empty();
        }
        holder.close(live);
        return credentials.exists(account) ? restore.run(account, false) : Optional.empty();
    }

    private void requireLease(ManagedSession live) {
        if (!leases.holds(live.account(), live.epoch())) {
            // the lease keeper closes the session; the command waits for whoever holds the account now
            throw new LeaseUnavailableException(live.account(), "no one (lease epoch " + live.epoch() + " lost)", null);
        }
    }

    private void refuseIfLoggedIn(AccountId account) {
        ManagedSession live = registry.get(account);
        if ((live != null && live.loggedIn()) || credentials.exists(account)) {
            throw new ConnectorException("already_logged_in", "the account is logged in; log out first");
        }
    }

    private void logOut(ManagedSession held) {
        if (held != null && held.loggedIn()) {
            try {
                ConnectorCalls.await(held.session().logout(), timeout);
            } catch (ConnectorException e) {
                // the stored login is dropped anyway; the device may stay listed on the phone
            }
        }
    }
}
