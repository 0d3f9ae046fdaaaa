package io.wafleet.session.connector.linked;

import io.wafleet.common.connector.SessionListener;
import it.auties.whatsapp.api.DisconnectReason;
import it.auties.whatsapp.api.Listener;
import it.auties.whatsapp.api.Whatsapp;
import it.auties.whatsapp.model.info.ChatMessageInfo;
import it.auties.whatsapp.model.info.MessageInfo;

import java.time.Clock;
import java.util.concurrent.CopyOnWriteArrayList;

/** What cobalt reports of one client, passed to its session and the worker's listener. */
final class CobaltListener implements Listener {

    private final LinkedDeviceSession session;
    private final SessionListener listener;
    private final Clock clock;
    private final CopyOnWriteArrayList<Runnable> onLogin = new CopyOnWriteArrayList<>();

    CobaltListener(LinkedDeviceSession session, SessionListener listener, Clock clock) {
        this.session = session;
        this.listener = listener;
        this.clock = clock;
    }

    void onLogin(Runnable action) {
        onLogin.add(action);
    }

    @Override
    public void onLoggedIn(Whatsapp whatsapp) {
        session.loggedIn();
        onLogin.forEach(Runnable::run);
    }

    @Override
    public void onNewMessage(Whatsapp whatsapp, MessageInfo<?> info) {
        if (info instanceof ChatMessageInfo chat && !chat.fromMe()) {
            LinkedDeviceEvents.received(chat, clock.instant()).ifPresent(listener::messageReceived);
        }
    }

    @Override
    public void onMessageStatus(Whatsapp whatsapp, MessageInfo<?> info) {
        if (info instanceof ChatMessageInfo chat) {
            LinkedDeviceEvents.receipt(chat).ifPresent(listener::receiptReceived);
        }
    }

    @Override
    public void onDisconnected(Whatsapp whatsapp, DisconnectReason reason) {
        if (reason != DisconnectReason.RECONNECTING) {
            session.dropped();
        }
    }

    /** Cobalt gave up reconnecting by itself (its reconnect failed). */
    void reconnectFailed() {
        session.dropped();
    }
}
