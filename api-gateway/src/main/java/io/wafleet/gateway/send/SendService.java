package io.wafleet.gateway.send;

import io.wafleet.common.AccountId;
import io.wafleet.common.MessageIds;
import io.wafleet.common.command.Command;
import io.wafleet.common.command.MediaRef;
import io.wafleet.common.command.SendImage;
import io.wafleet.common.command.SendMessage;
import io.wafleet.gateway.account.AccountStore;
import io.wafleet.gateway.kafka.CommandPublisher;
import io.wafleet.gateway.web.ApiException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.function.Function;

@Service
class SendService {

    record Queued(String messageId, String status) {
    }

    private final AccountStore accounts;
    private final CommandPublisher publisher;
    private final MediaStore media;

    SendService(AccountStore accounts, CommandPublisher publisher, MediaStore media) {
        this.accounts = accounts;
        this.publisher = publisher;
        this.media = media;
    }

    Mono<Queued> sendText(AccountId account, String phone, String message, Instant expiresAt) {
        return checkSendable(account).then(publish(messageId -> new SendMessage(MessageIds.newCommandId(), account,
                Command.SCHEMA_VERSION, messageId, phone, message, expiresAt)));
    }

    /** {@code image} is read (downloaded or uploaded) only once the account is known to be able to send. */
    Mono<Queued> sendImage(AccountId account, String phone, String caption, Instant expiresAt,
                           Mono<ImageBytes> image) {
        return checkSendable(account)
                .then(image)
                .flatMap(bytes -> media.store(account, bytes))
                .flatMap(ref -> publish(messageId -> new SendImage(MessageIds.newCommandId(), account,
                        Command.SCHEMA_VERSION, messageId, phone, caption, ref, expiresAt)));
    }

    /** 404 for an unknown account, 409 when it has no linked device or was logged out from the phone. */
    Mono<Void> checkSendable(AccountId account) {
        return accounts.require(account)
                .flatMap(view -> view.canSend() ? Mono.<Void>empty() : Mono.error(ApiException.conflict(
                        "account '" + account + "' has no session to send from (status: " + view.status()
                                + "); log it in first")));
    }

    private Mono<Queued> publish(Function<String, Command> command) {
        String messageId = MessageIds.newMessageId();
        return Mono.defer(() -> publisher.publish(command.apply(messageId)))
                .thenReturn(new Queued(messageId, "queued"));
    }

    /** An image checked to be one, with its detected type and a file name. */
    record ImageBytes(byte[] bytes, String mimeType, String fileName) {
        MediaRef ref(String mediaId) {
            return new MediaRef(mediaId, mimeType, bytes.length, fileName);
        }
    }
}
