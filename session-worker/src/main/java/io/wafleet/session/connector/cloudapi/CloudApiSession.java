package io.wafleet.session.connector.cloudapi;

import io.wafleet.common.AccountId;
import io.wafleet.common.connector.CloudApiSettings;
import io.wafleet.common.connector.ConnectorException;
import io.wafleet.common.connector.Credentials;
import io.wafleet.common.connector.MessageAction;
import io.wafleet.common.connector.OutboundMessage;
import io.wafleet.common.connector.Session;
import io.wafleet.common.connector.SessionListener;
import io.wafleet.common.connector.SessionSettings;
import io.wafleet.common.connector.SessionStatus;
import io.wafleet.common.event.EventPayload;
import io.wafleet.common.event.MessageAcked;
import io.wafleet.common.event.MessageChange;
import io.wafleet.common.event.MessageFailed;
import io.wafleet.common.event.MessageReceived;
import io.wafleet.common.json.WafleetJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * One Cloud API account's session: logged in once its access token was checked against the Graph API
 * (the phone number's record); sends and actions are Graph API calls made on the calling thread (the
 * worker's command thread, never a Netty one); receipts and received messages come from Meta's webhooks
 * through {@link #deliver}, received media fetched from Meta and stored for {@code GET /media/{media_id}}.
 * Presence, typing, user look-ups and groups (the {@link Session} defaults), revokes and edits have no Cloud API
 * form and fail with reason {@code not_supported}.
 */
final class CloudApiSession implements Session {

    private static final Logger log = LoggerFactory.getLogger(CloudApiSession.class);

    private final AccountId account;
    private final SessionListener listener;
    private final SessionSettings settings;
    private final GraphApiClient graph;
    private final CloudMessageIds ids;
    private final MediaFiles media;
    private final Duration timeout;
    private final Consumer<CloudApiSession> onClose;
    private volatile CloudApiSettings cloud;

    CloudApiSession(AccountId account, SessionListener listener, SessionSettings settings, GraphApiClient graph,
                    CloudMessageIds ids, MediaFiles media, Duration timeout, Consumer<CloudApiSession> onClose) {
        this.account = account;
        this.listener = listener;
        this.settings = settings;
        this.graph = graph;
        this.ids = ids;
        this.media = media;
        this.timeout = timeout;
        this.onClose = onClose;
    }

    @Override
    public CompletionStage<QrCode> loginWithQr() {
        return CompletableFuture.failedStage(tokenOnly("a QR code"));
    }

    @Override
    public CompletionStage<String> loginWithCode(String phoneNumber) {
        return CompletableFuture.failedStage(tokenOnly("a pairing code"));
    }

    @Override
    public CompletionStage<Void> loginWithToken(CloudApiSettings login) {
        return run(() -> connect(login, true));
    }

    @Override
    public CompletionStage<Void> restore(Credentials credentials) {
        return run(() -> connect(CloudCredentials.read(credentials), false));
    }

    @Override
    public CompletionStage<Void> send(OutboundMessage message) {
        return run(() -> {
            CloudApiSettings login = loggedIn();
            String mediaId = message instanceof OutboundMessage.Media file
                    ? call(graph.uploadMedia(login, settings, media.read(file.media()), file.media().mimeType(), file.media().fileName()))
                    : null;
            String wamid = call(graph.sendMessage(login, settings,
                    OutboundRequests.message(message, mediaId, id -> ids.wamidOf(account, id))));
            ids.remember(account, message.messageId(), wamid);
        });
    }

    @Override
    public CompletionStage<Void> act(MessageAction action) {
        return run(() -> {
            CloudApiSettings login = loggedIn();
            switch (action) {
                case MessageAction.React react -> call(graph.post(login, settings,
                        OutboundRequests.reaction(react.chat(), ids.wamidOf(account, react.messageId()), react.emoji())));
                case MessageAction.Read read -> call(graph.post(login, settings, OutboundRequests.read(ids.wamidOf(account, read.messageId()))));
                // starring and deleting for oneself stay with the account: Meta has nothing to be told
                case MessageAction.Star star -> { }
                case MessageAction.Delete delete -> { }
                case MessageAction.Revoke revoke -> throw OutboundRequests.notSupported("revoking a message");
                case MessageAction.Edit edit -> throw OutboundRequests.notSupported("editing a message");
            }
        });
    }








    /** A Cloud API number has no linked device to unlink: logging out forgets the login (the worker deletes it). */
    @Override
    public CompletionStage<Void> logout() {
        cloud = null;
        return CompletableFuture.completedStage(null);
    }

    @Override
    public void close() {
        cloud = null;
        onClose.accept(this);
    }

    /** Reports what a verified webhook of Meta's says; false when the session is not logged in. */
    boolean deliver(String payload) {
        CloudApiSettings login = cloud;
        if (login == null) {
            return false;
        }
        InboundWebhooks.Ids resolve = new InboundWebhooks.Ids() {
            @Override
            public String received(String wamid) {
                return ids.received(account, wamid);
            }

            @Override
            public String known(String wamid) {
                return ids.messageIdOf(account, wamid);
            }
        };
        for (EventPayload report : InboundWebhooks.read(WafleetJson.mapper().readTree(payload), login.phoneNumberId(), resolve)) {
            switch (report) {
                case MessageReceived message -> listener.messageReceived(withStoredMedia(login, message));
                case MessageAcked receipt -> listener.receiptReceived(receipt);
                case MessageFailed failure -> listener.messageFailed(failure);
                case MessageChange change -> listener.messageChanged(change);
                default -> throw new IllegalStateException("no report for " + report.getClass().getSimpleName());
            }
        }
        return true;
    }

    /**
     * A received media message with its file downloaded from Meta and stored, {@code media_id} naming the
     * stored file; a file that cannot be fetched leaves {@code media_id} empty (the message still arrives).
     */
    private MessageReceived withStoredMedia(CloudApiSettings login, MessageReceived message) {
        if (message.mediaType() == null || message.mediaId() == null) {
            return message;
        }
        String stored = null;
        try {
            GraphApiClient.Download file = call(graph.downloadMedia(login, settings, message.mediaId()));
            stored = media.storeReceived(account, message.mediaId(), file.bytes(),
                    message.mimeType() == null ? file.mimeType() : message.mimeType(), message.fileName());
        } catch (ConnectorException e) {
            log.warn("The {} of message {} of account {} could not be fetched from Meta: {}", message.mediaType(), message.id(),
                    account, e.getMessage());
        }
        return new MessageReceived(message.id(), message.chatId(), message.from(), message.fromName(), message.timestamp(),
                message.isFromMe(), message.body(), message.mediaType(), message.mimeType(), message.caption(), stored,
                message.fileName(), message.location(), message.contact(), message.poll(), message.forwarded(), message.repliedId());
    }

    private void connect(CloudApiSettings login, boolean newLogin) {
        listener.statusChanged(SessionStatus.CONNECTING, null);
        GraphApiClient.PhoneNumber number = call(graph.phoneNumber(login, settings));
        cloud = login;
        if (newLogin) {
            listener.loggedIn(CloudCredentials.of(login), number.displayPhoneNumber().replaceAll("\\D", ""), login.phoneNumberId());
        }
        listener.statusChanged(SessionStatus.LOGGED_IN, null);
    }

    private CloudApiSettings loggedIn() {
        CloudApiSettings login = cloud;
        if (login == null) {
            throw new ConnectorException("not_logged_in", "the Cloud API session is not logged in");
        }
        return login;
    }

    private <T> T call(Mono<T> request) {
        try {
            return request.block(timeout.plusSeconds(1));
        } catch (ConnectorException e) {
            throw e;
        } catch (IllegalStateException e) {
            throw new ConnectorException("timeout", "the Graph API did not answer within " + timeout);
        }
    }

    private static CompletionStage<Void> run(Runnable work) {
        try {
            work.run();
            return CompletableFuture.completedStage(null);
        } catch (ConnectorException e) {
            return CompletableFuture.failedStage(e);
        }
    }

    private static ConnectorException tokenOnly(String way) {
        return new ConnectorException("not_supported", "a Cloud API account logs in with its access token "
                + "(POST /accounts/{id}/login-with-token), not with " + way);
    }
}
