package io.wafleet.session.connector.sandbox;

import io.wafleet.common.AccountId;
import io.wafleet.common.command.SandboxInbound;
import io.wafleet.common.connector.ConnectorException;
import io.wafleet.common.connector.Credentials;
import io.wafleet.common.connector.OutboundMessage;
import io.wafleet.common.connector.Session;
import io.wafleet.common.connector.SessionListener;
import io.wafleet.common.connector.SessionStatus;
import io.wafleet.common.event.MessageReceived;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;

/** One account's connection to the sandbox network: closed, waiting for a scan, or logged in. */
final class SandboxSession implements Session {

    private enum State { CLOSED, PENDING, LOGGED_IN }

    private final SandboxConnector network;
    private final AccountId account;
    private final SessionListener listener;
    private State state = State.CLOSED;
    private String pendingPhone;
    private Instant pendingUntil;
    private ScheduledFuture<?> autoScan;
    private SandboxDevice device;

    SandboxSession(SandboxConnector network, AccountId account, SessionListener listener) {
        this.network = network;
        this.account = account;
        this.listener = listener;
    }

    @Override
    public synchronized CompletionStage<QrCode> loginWithQr() {
        Duration validFor = network.settings().qrDuration();
        awaitScan(SandboxIds.phoneFor(account), validFor);
        return CompletableFuture.completedFuture(new QrCode(SandboxIds.qrText(), validFor));
    }

    @Override
    public synchronized CompletionStage<String> loginWithCode(String phoneNumber) {
        String phone = SandboxIds.digits(phoneNumber);
        if (phone.length() < 8 || phone.length() > 15) {
            return CompletableFuture.failedFuture(new ConnectorException("invalid_phone", "a phone number has 8-15 digits"));
        }
        awaitScan(phone, network.settings().qrDuration());
        return CompletableFuture.completedFuture(SandboxIds.pairCode());
    }

    /** The phone confirmed the pending login: the device is linked and the session logged in. */
    synchronized SessionStatus scan() {
        if (state != State.PENDING) {
            throw new ConnectorException("no_pending_login", "the account has no login waiting for a scan");
        }
        if (network.clock().instant().isAfter(pendingUntil)) {
            throw new ConnectorException("no_pending_login", "the login code expired; start a new login");
        }
        cancelAutoScan();
        device = new SandboxDevice(account, pendingPhone, SandboxIds.deviceId(pendingPhone), SandboxIds.token());
        network.devices().link(device);
        state = State.LOGGED_IN;
        listener.loggedIn(device.credentials(), device.phoneNumber(), device.deviceId());
        listener.statusChanged(SessionStatus.LOGGED_IN, null);
        return SessionStatus.LOGGED_IN;
    }

    @Override
    public synchronized CompletionStage<Void> restore(Credentials credentials) {
        SandboxDevice claimed;
        try {
            claimed = SandboxDevice.fromCredentials(account, credentials);
        } catch (ConnectorException e) {
            return CompletableFuture.failedFuture(e);
        }
        boolean linked = network.devices().find(account).filter(d -> d.token().equals(claimed.token())).isPresent();
        if (!linked) {
            state = State.CLOSED;
            listener.statusChanged(SessionStatus.LOGGED_OUT, "logged_out_from_phone");
            return CompletableFuture.failedFuture(
                    new ConnectorException("logged_out_from_phone", "the device was unlinked from the phone"));
        }
        device = claimed;
        state = State.LOGGED_IN;
        network.connected(account, this);
        listener.statusChanged(SessionStatus.LOGGED_IN, null);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletionStage<Void> send(OutboundMessage message) {
        if (state != State.LOGGED_IN) {
            return CompletableFuture.failedFuture(new ConnectorException("not_logged_in", "the session is not logged in"));
        }
        network.transmit(device, message, listener);
        return CompletableFuture.completedFuture(null);
    }

    /** A message for this account; false when the session is not logged in. */
    synchronized boolean receive(SandboxInbound inbound) {
        if (state != State.LOGGED_IN) {
            return false;
        }
        String from = SandboxIds.digits(inbound.from());
        String id = inbound.messageId() != null ? inbound.messageId() : inbound.commandId();
        var media = inbound.media();
        listener.messageReceived(new MessageReceived(id, from + "@s.whatsapp.net", from, inbound.fromName(),
                network.clock().instant(), false, inbound.message(),
                media == null ? null : mediaType(media.mimeType()), media == null ? null : media.mimeType(),
                media == null ? null : inbound.message(), media == null ? null : media.mediaId()));
        return true;
    }

    @Override
    public synchronized CompletionStage<Void> logout() {
        if (state == State.LOGGED_IN) {
            network.devices().unlink(account, device.token());
        }
        close();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized void close() {
        cancelAutoScan();
        state = State.CLOSED;
        network.disconnected(account, this);
    }

    private void awaitScan(String phone, Duration validFor) {
        cancelAutoScan();
        state = State.PENDING;
        pendingPhone = phone;
        pendingUntil = network.clock().instant().plus(validFor);
        network.connected(account, this);
        listener.statusChanged(SessionStatus.SCAN_QR, null);
        Duration after = network.settings().autoScan();
        if (after != null && !after.isNegative()) {
            autoScan = network.schedule(this::scan, after);
        }
    }

    private void cancelAutoScan() {
        if (autoScan != null) {
            autoScan.cancel(false);
            autoScan = null;
        }
    }

    private static String mediaType(String mimeType) {
        if (mimeType == null) {
            return "document";
        }
        String kind = mimeType.substring(0, Math.max(0, mimeType.indexOf('/')));
        return switch (kind) {
            case "image", "video", "audio" -> kind;
            default -> "document";
        };
    }
}
