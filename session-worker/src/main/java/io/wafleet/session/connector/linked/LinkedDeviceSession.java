package io.wafleet.session.connector.linked;

import io.wafleet.common.AccountId;
import io.wafleet.common.connector.ConnectorException;
import io.wafleet.common.connector.Credentials;
import io.wafleet.common.connector.MessageAction;
import io.wafleet.common.connector.OutboundMessage;
import io.wafleet.common.connector.Session;
import io.wafleet.common.connector.SessionListener;
import io.wafleet.common.connector.SessionSettings;
import io.wafleet.common.connector.SessionStatus;
import it.auties.whatsapp.api.ClientType;
import it.auties.whatsapp.api.PairingCodeHandler;
import it.auties.whatsapp.api.QrHandler;
import it.auties.whatsapp.api.WebVerificationHandler;
import it.auties.whatsapp.api.Whatsapp;
import it.auties.whatsapp.controller.StoreKeysPair;
import it.auties.whatsapp.model.message.model.MessageStatus;
import it.auties.whatsapp.model.mobile.PhoneNumber;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * One account's linked device: a cobalt WhatsApp Web client whose keys and store live in memory
 * ({@link InMemorySerializer}) and reach the worker as {@link Credentials}. A login or restore that gets
 * no answer from WhatsApp within the connect timeout fails {@code unreachable} and reports
 * {@code failed}; the client is then disconnected and nothing retries here: retries are the worker's
 * ({@code SessionReconnector}, with backoff).
 */
final class LinkedDeviceSession implements Session {

    static final String UNREACHABLE = "unreachable";

    private final AccountId account;
    private final SessionListener listener;
    private final SessionSettings settings;
    private final LinkedDeviceConnector.Options options;
    private final InMemorySerializer serializer = new InMemorySerializer(this::keysChanged, this::loginDeleted);
    private final CredentialsFlusher flusher;
    private final CobaltListener events;
    private volatile Whatsapp client;
    private volatile boolean loggedIn;
    private volatile boolean restored;
    private volatile boolean loggingOut;
    private volatile boolean closed;

    LinkedDeviceSession(AccountId account, SessionListener listener, SessionSettings settings, LinkedDeviceConnector.Options options) {
        this.account = account;
        this.listener = listener;
        this.settings = settings;
        this.options = options;
        this.flusher = new CredentialsFlusher(options.scheduler(), options.credentialsInterval(), this::credentials,
                listener::credentialsChanged);
        this.events = new CobaltListener(this, listener, options.clock());
    }

    @Override
    public CompletionStage<QrCode> loginWithQr() {
        var qr = new CompletableFuture<QrCode>();
        QrHandler handler = text -> {
            if (qr.complete(new QrCode(text, options.qrValidity()))) {
                listener.statusChanged(SessionStatus.SCAN_QR, null);
            }
        };
        return start(serializer.newStoreKeysPair(UUID.randomUUID(), null, null, ClientType.WEB), handler, qr);
    }

    @Override
    public CompletionStage<String> loginWithCode(String phoneNumber) {
        String digits = phoneNumber.replaceAll("[^0-9]", "");
        var phone = digits.isEmpty() ? null : PhoneNumber.of(Long.parseLong(digits)).orElse(null);
        if (phone == null) {
            return CompletableFuture.failedStage(new ConnectorException("invalid_phone", "not a phone number: " + phoneNumber));
        }
        var code = new CompletableFuture<String>();
        PairingCodeHandler handler = text -> {
            if (code.complete(text.length() == 8 ? text.substring(0, 4) + "-" + text.substring(4) : text)) {
                listener.statusChanged(SessionStatus.SCAN_QR, null);
            }
        };
        StoreKeysPair fresh = serializer.newStoreKeysPair(UUID.randomUUID(), phone, null, ClientType.WEB);
        return start(fresh, handler, code);
    }

    @Override
    public CompletionStage<Void> restore(Credentials credentials) {
        StoreKeysPair stored;
        try {
            stored = LinkedDeviceCredentials.decode(credentials, serializer);
        } catch (ConnectorException e) {
            return CompletableFuture.failedStage(e);
        }
        if (!stored.keys().registered()) {
            return CompletableFuture.failedStage(new ConnectorException("bad_credentials", "the stored login never completed"));
        }
        restored = true;
        flusher.reported(credentials);
        var connected = new CompletableFuture<Void>();
        return start(stored, null, connected);
    }

    /** Connects a client of these keys; {@code outcome} completes from the handler or login, or fails within the connect timeout. */
    private <T> CompletionStage<T> start(StoreKeysPair pair, WebVerificationHandler handler, CompletableFuture<T> outcome) {
        if (client != null) {
            return CompletableFuture.failedStage(new ConnectorException("already_started", "this session already connected; open a new one"));
        }
        ConnectorException proxyProblem = LinkedDeviceProxies.check(settings);
        if (proxyProblem != null) {
            listener.statusChanged(SessionStatus.FAILED, proxyProblem.reason());
            return CompletableFuture.failedStage(proxyProblem);
        }
        pair.store().setProxy(settings.proxy());
        pair.store().setWebHistorySetting(it.auties.whatsapp.api.WebHistorySetting.discard(false));
        listener.statusChanged(SessionStatus.CONNECTING, null);
        client = Whatsapp.customBuilder()
                .store(pair.store())
                .keys(pair.keys())
                .errorHandler(new CobaltErrors(account, events))
                .webVerificationSupport(handler)
                .build()
                .addListener(events);
        if (handler == null) {
            events.onLogin(() -> outcome.complete(null));
        }
        try {
            client.connect().whenComplete((ignored, error) -> {
                if (error != null) {
                    fail(outcome, new ConnectorException(UNREACHABLE, LinkedDeviceProxies.unreachable(settings, error)));
                }
            });
        } catch (RuntimeException e) {
            fail(outcome, new ConnectorException(UNREACHABLE, LinkedDeviceProxies.unreachable(settings, e)));
        }
        options.scheduler().schedule(() -> fail(outcome, new ConnectorException(UNREACHABLE,
                "no answer from WhatsApp within " + options.connectTimeout().toMillis() + " ms" + LinkedDeviceProxies.via(settings))),
                options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        return outcome;
    }

    private void fail(CompletableFuture<?> outcome, ConnectorException failure) {
        if (outcome.completeExceptionally(failure)) {
            disconnectQuietly();
            if (!closed) {
                listener.statusChanged(SessionStatus.FAILED, failure.reason());
            }
        }
    }

    /** Cobalt logged in: a first login hands its credentials to the worker, a restore only its status. */
    void loggedIn() {
        if (closed) {
            return;
        }
        loggedIn = true;
        if (!restored) {
            var jid = client.store().jid().orElseThrow();
            Credentials issued = credentials();
            flusher.reported(issued);
            listener.loggedIn(issued, jid.user(), jid.toString());
        }
        listener.statusChanged(SessionStatus.LOGGED_IN, null);
    }

    /** Cobalt's connection dropped; once logged in, the worker reconnects with backoff. */
    void dropped() {
        if (loggedIn && !closed && !loggingOut) {
            loggedIn = false;
            disconnectQuietly();
            listener.statusChanged(SessionStatus.DISCONNECTED, "connection_lost");
        }
    }

    Credentials credentials() {
        Whatsapp current = client;
        return LinkedDeviceCredentials.encode(current.keys(), current.store());
    }

    private void keysChanged() {
        if (loggedIn && !closed) {
            flusher.changed();
        }
    }

    private void loginDeleted() {
        if (!closed && !loggingOut && loggedIn) {
            loggedIn = false;
            listener.statusChanged(SessionStatus.LOGGED_OUT, SessionListener.LOGGED_OUT_FROM_PHONE);
        }
    }

    @Override
    public CompletionStage<Void> send(OutboundMessage message) {
        Whatsapp current = client;
        if (!loggedIn || current == null) {
            return CompletableFuture.failedStage(new ConnectorException("not_logged_in", "the linked device is not logged in"));
        }
        try {
            var info = OutboundMessages.toCobalt(message, current.store().jid().orElseThrow(), options.clock().instant());
            return current.sendMessage(info, false).thenAccept(sent -> {
                if (sent.status() == MessageStatus.ERROR) {
                    throw new ConnectorException("not_on_whatsapp", message.to() + " is not on WhatsApp");
                }
            });
        } catch (ConnectorException e) {
            return CompletableFuture.failedStage(e);
        }
    }

    @Override
    public CompletionStage<Void> logout() {
        Whatsapp current = client;
        if (!loggedIn || current == null) {
            return CompletableFuture.failedStage(new ConnectorException("not_logged_in", "the linked device is not logged in"));
        }
        loggingOut = true;
        return current.logout().whenComplete((ignored, error) -> close());
    }

    @Override
    public void close() {
        if (loggedIn) {
            flusher.flushPending();
        }
        closed = true;
        disconnectQuietly();
    }

    private void disconnectQuietly() {
        Whatsapp current = client;
        if (current != null) {
            current.disconnect().exceptionally(ignored -> null);
        }
    }

    /** The cobalt client, once a login or restore started (tests read its settings). */
    Whatsapp client() {
        return client;
    }

    @Override
    public CompletionStage<Void> act(MessageAction action) {
        return notSupported("message actions (" + action.name() + ")");
    }








    private static <T> CompletionStage<T> notSupported(String what) {
        return CompletableFuture.failedStage(new ConnectorException("not_supported",
                "the linked-device connector does not support " + what + " yet"));
    }

    @Override
    public String toString() {
        return "LinkedDeviceSession[" + account + ", " + settings + "]";
    }
}
