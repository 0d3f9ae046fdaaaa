package io.wafleet.gateway.send;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wafleet.common.AccountId;
import io.wafleet.common.MessageIds;
import io.wafleet.common.command.Command;
import io.wafleet.common.command.ContactCard;
import io.wafleet.common.command.GeoLocation;
import io.wafleet.common.command.MediaRef;
import io.wafleet.common.command.PollSpec;
import io.wafleet.common.command.SendAudio;
import io.wafleet.common.command.SendContact;
import io.wafleet.common.command.SendFile;
import io.wafleet.common.command.SendImage;
import io.wafleet.common.command.SendLink;
import io.wafleet.common.command.SendLocation;
import io.wafleet.common.command.SendMessage;
import io.wafleet.common.command.SendPoll;
import io.wafleet.common.command.SendSticker;
import io.wafleet.common.command.SendVideo;
import io.wafleet.gateway.account.AccountStore;
import io.wafleet.gateway.kafka.CommandPublisher;
import io.wafleet.gateway.message.MessageRecords;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Accepts sends: checks the account can send, records the message {@code queued} and publishes its
 * command. Each send is timed from its start to Kafka's acknowledgment (or its refusal) in
 * {@code wafleet.gateway.send.accept}, a histogram by message {@code type} and {@code outcome}.
 */
@Service
class SendService {

    record Queued(String messageId, String status) {
    }

    private final AccountStore accounts;
    private final CommandPublisher publisher;
    private final MediaStore media;
    private final IdempotencyKeys keys;
    private final MessageRecords messages;
    private final SendRateLimits rateLimits;
    private final MeterRegistry meters;

    SendService(AccountStore accounts, CommandPublisher publisher, MediaStore media, IdempotencyKeys keys,
                MessageRecords messages, SendRateLimits rateLimits, MeterRegistry meters) {
        this.meters = meters;
        this.messages = messages;
        this.rateLimits = rateLimits;
        this.accounts = accounts;
        this.publisher = publisher;
        this.media = media;
        this.keys = keys;
    }

    /** Builds a send's command from its command id and message id. */
    @FunctionalInterface
    private interface CommandFor {
        Command create(String commandId, String messageId);
    }

    /** {@code key}: the request's {@code Idempotency-Key}, or null. */
    /** {@code replyTo}: the id of the message this one replies to, or null. */
    Mono<Queued> sendText(AccountId account, String phone, String message, String replyTo, Instant expiresAt,
                          IdempotencyKeys.Key key) {
        return send(account, phone, "text", replyTo == null ? message : List.of(message, replyTo), expiresAt, key,
                (commandId, messageId) -> new SendMessage(commandId, account, Command.SCHEMA_VERSION, messageId, phone,
                        message, expiresAt, replyTo));
    }

    Mono<Queued> sendLocation(AccountId account, String phone, GeoLocation location, Instant expiresAt,
                              IdempotencyKeys.Key key) {
        return send(account, phone, "location", location, expiresAt, key, (commandId, messageId) -> new SendLocation(
                commandId, account, Command.SCHEMA_VERSION, messageId, phone, location, expiresAt));
    }

    Mono<Queued> sendContact(AccountId account, String phone, ContactCard contact, Instant expiresAt,
                             IdempotencyKeys.Key key) {
        return send(account, phone, "contact", contact, expiresAt, key, (commandId, messageId) -> new SendContact(
                commandId, account, Command.SCHEMA_VERSION, messageId, phone, contact, expiresAt));
    }

    Mono<Queued> sendPoll(AccountId account, String phone, PollSpec poll, Instant expiresAt, IdempotencyKeys.Key key) {
        return send(account, phone, "poll", poll, expiresAt, key, (commandId, messageId) -> new SendPoll(
                commandId, account, Command.SCHEMA_VERSION, messageId, phone, poll, expiresAt));
    }

    Mono<Queued> sendLink(AccountId account, String phone, String link, String caption, Instant expiresAt,
                          IdempotencyKeys.Key key) {
        return send(account, phone, "link", List.of(link, String.valueOf(caption)), expiresAt, key,
                (commandId, messageId) -> new SendLink(commandId, account, Command.SCHEMA_VERSION, messageId, phone, link,
                        caption, expiresAt));
    }

    /** A send whose whole content is in its command; {@code content} tells one request from another under a key. */
    private Mono<Queued> send(AccountId account, String phone, String type, Object content, Instant expiresAt,
                              IdempotencyKeys.Key key, CommandFor command) {
        String fingerprint = key == null ? null : IdempotencyKeys.fingerprint(type, phone, content, expiresAt);
        return timed(type, checkSendable(account).then(publish(key, fingerprint, messageId ->
                accept(command.create(MessageIds.newCommandId(), messageId), messageId, account, phone, type))));
    }

    private Mono<Queued> timed(String type, Mono<Queued> send) {
        return Mono.defer(() -> {
            Timer.Sample sample = Timer.start(meters);
            return send.doOnSuccess(queued -> sample.stop(acceptTimer(type, "accepted")))
                    .doOnError(refused -> sample.stop(acceptTimer(type, "refused")));
        });
    }

    private Timer acceptTimer(String type, String outcome) {
        return Timer.builder("wafleet.gateway.send.accept").description("Time from a send's start to Kafka's ack of its command")
                .tags("type", type, "outcome", outcome).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30)).register(meters);
    }

    /**
     * A send of media: {@code media} is read (downloaded or uploaded) only once the account is known to
     * be able to send, and stored only for a send that is published (not for a repeat of an idempotent
     * one). {@code caption} is null for kinds without one (audio, sticker).
     */
    Mono<Queued> sendMedia(MediaKind kind, AccountId account, String phone, String caption, Instant expiresAt,
                           Mono<MediaBytes> media, IdempotencyKeys.Key key) {
        return timed(kind.mediaType(), checkSendable(account)
                .then(media)
                .flatMap(bytes -> publish(key,
                        key == null ? null : IdempotencyKeys.fingerprint(kind.mediaType(), phone, caption, expiresAt, bytes.bytes()),
                        messageId -> this.media.store(account, bytes).flatMap(ref -> accept(
                                mediaCommand(kind, account, messageId, phone, caption, ref, expiresAt),
                                messageId, account, phone, kind.mediaType())))));
    }

    private static Command mediaCommand(MediaKind kind, AccountId account, String messageId, String phone, String caption,
                                        MediaRef ref, Instant expiresAt) {
        String commandId = MessageIds.newCommandId();
        int v = Command.SCHEMA_VERSION;
        return switch (kind) {
            case IMAGE -> new SendImage(commandId, account, v, messageId, phone, caption, ref, expiresAt);
            case FILE -> new SendFile(commandId, account, v, messageId, phone, caption, ref, expiresAt);
            case VIDEO -> new SendVideo(commandId, account, v, messageId, phone, caption, ref, expiresAt);
            case AUDIO -> new SendAudio(commandId, account, v, messageId, phone, ref, expiresAt);
            case STICKER -> new SendSticker(commandId, account, v, messageId, phone, ref, expiresAt);
        };
    }

    /**
     * 404 for an unknown account, 409 when it has no linked device or was logged out from the phone,
     * 429 when it has used up its send budget ({@link SendRateLimits}).
     */
    Mono<Void> checkSendable(AccountId account) {
        return accounts.requireSendable(account).then(Mono.fromRunnable(() -> rateLimits.take(account)));
    }

    /** Records the send {@code queued} (its status can be read at once), then publishes its command. */
    private Mono<Void> accept(Command command, String messageId, AccountId account, String to, String type) {
        return messages.queued(messageId, command.commandId(), account, to, type)
                .then(Mono.defer(() -> publisher.publish(command)))
                .onErrorResume(failure -> messages.notPublished(messageId).then(Mono.error(failure)));
    }

    /** Publishes under a new message id; with a key, only the first time (a repeat answers the first's id). */
    private Mono<Queued> publish(IdempotencyKeys.Key key, String fingerprint, Function<String, Mono<Void>> publish) {
        Mono<String> messageId = key == null
                ? Mono.defer(() -> {
                    String id = MessageIds.newMessageId();
                    return publish.apply(id).thenReturn(id);
                })
                : keys.once(key, fingerprint, publish);
        return messageId.map(id -> new Queued(id, "queued"));
    }

    /** Media checked to be of its kind, with its detected type and a file name. */
    record MediaBytes(byte[] bytes, String mimeType, String fileName) {
        MediaRef ref(String mediaId) {
            return new MediaRef(mediaId, mimeType, bytes.length, fileName);
        }
    }
}
