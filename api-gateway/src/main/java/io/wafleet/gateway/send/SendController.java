package io.wafleet.gateway.send;

import io.wafleet.common.AccountId;
import io.wafleet.common.command.CommandRules;
import io.wafleet.common.command.ContactCard;
import io.wafleet.common.command.GeoLocation;
import io.wafleet.common.command.PollSpec;
import io.wafleet.gateway.web.ApiException;
import io.wafleet.gateway.web.Envelope;
import io.wafleet.gateway.web.Inputs;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;

@RestController
@RequestMapping("/send")
class SendController {

    private static final int MAX_TEXT = CommandRules.MAX_TEXT;
    private static final int MAX_CAPTION = CommandRules.MAX_CAPTION;
    private static final int MAX_PLACE_TEXT = CommandRules.MAX_PLACE_TEXT;
    private static final int MAX_CONTACT_NAME = CommandRules.MAX_CONTACT_NAME;
    private static final int MAX_POLL_QUESTION = CommandRules.MAX_POLL_QUESTION;
    private static final int MAX_POLL_OPTIONS = CommandRules.MAX_POLL_OPTIONS;
    private static final int MAX_POLL_OPTION = CommandRules.MAX_POLL_OPTION;
    /** A send with this header is made once: a repeat answers the first one's message id. */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** As go-whatsapp-web-multidevice's {@code /send/message}: {@code reply_message_id} quotes an earlier message. */
    record SendMessageRequest(String accountId, String phone, String message, String replyMessageId, Instant expiresAt) {
    }

    record SendImageRequest(String accountId, String phone, String caption, String imageUrl, Instant expiresAt) {
    }

    /** As go-whatsapp-web-multidevice's {@code /send/file}, with the file downloaded from {@code file_url}. */
    record SendFileRequest(String accountId, String phone, String caption, String fileUrl, Instant expiresAt) {
    }

    record SendVideoRequest(String accountId, String phone, String caption, String videoUrl, Instant expiresAt) {
    }

    /** Audio and stickers have no caption on WhatsApp. */
    record SendAudioRequest(String accountId, String phone, String audioUrl, Instant expiresAt) {
    }

    record SendStickerRequest(String accountId, String phone, String stickerUrl, Instant expiresAt) {
    }

    /** As go-whatsapp-web-multidevice's {@code /send/location}, with an optional place name and address. */
    record SendLocationRequest(String accountId, String phone, Double latitude, Double longitude, String name,
                               String address, Instant expiresAt) {
    }

    /** As go-whatsapp-web-multidevice's {@code /send/poll}; {@code max_answer} defaults to 1. */
    record SendPollRequest(String accountId, String phone, String question, List<String> options, Integer maxAnswer,
                           Instant expiresAt) {
    }

    /** As go-whatsapp-web-multidevice's {@code /send/link}. */
    record SendLinkRequest(String accountId, String phone, String link, String caption, Instant expiresAt) {
    }

    /** As go-whatsapp-web-multidevice's {@code /send/contact}. */
    record SendContactRequest(String accountId, String phone, String contactName, String contactPhone, Instant expiresAt) {
    }

    /** The validated fields common to every send; {@code key} null without an {@code Idempotency-Key}. */
    private record Target(AccountId account, String phone, IdempotencyKeys.Key key) {
    }

    private final SendService sends;
    private final MediaSource media;
    private final Clock clock = Clock.systemUTC();

    SendController(SendService sends, MediaSource media) {
        this.sends = sends;
        this.media = media;
    }

    @PostMapping("/message")
    Mono<ResponseEntity<Envelope>> message(@RequestBody SendMessageRequest request,
                                           @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return queued("message", () -> {
            Target target = target(request.accountId(), request.phone(), request.expiresAt(), key);
            Inputs.text(request.message(), "message", MAX_TEXT);
            String replyTo = request.replyMessageId() == null || request.replyMessageId().isEmpty() ? null
                    : Inputs.messageId(request.replyMessageId(), "reply_message_id");
            return sends.sendText(target.account(), target.phone(), request.message(), replyTo, request.expiresAt(),
                    target.key());
        });
    }

    @PostMapping("/location")
    Mono<ResponseEntity<Envelope>> location(@RequestBody SendLocationRequest request,
                                            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return queued("location", () -> {
            Target target = target(request.accountId(), request.phone(), request.expiresAt(), key);
            GeoLocation place = new GeoLocation(degrees(request.latitude(), "latitude", 90),
                    degrees(request.longitude(), "longitude", 180),
                    optionalText(request.name(), "name", MAX_PLACE_TEXT), optionalText(request.address(), "address", MAX_PLACE_TEXT));
            return sends.sendLocation(target.account(), target.phone(), place, request.expiresAt(), target.key());
        });
    }

    @PostMapping("/poll")
    Mono<ResponseEntity<Envelope>> poll(@RequestBody SendPollRequest request,
                                        @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return queued("poll", () -> {
            Target target = target(request.accountId(), request.phone(), request.expiresAt(), key);
            return sends.sendPoll(target.account(), target.phone(), poll(request), request.expiresAt(), target.key());
        });
    }

    @PostMapping("/link")
    Mono<ResponseEntity<Envelope>> link(@RequestBody SendLinkRequest request,
                                        @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return queued("link", () -> {
            Target target = target(request.accountId(), request.phone(), request.expiresAt(), key);
            Inputs.httpUrl(request.link(), "link");
            checkCaption(request.caption());
            return sends.sendLink(target.account(), target.phone(), request.link(), request.caption(),
                    request.expiresAt(), target.key());
        });
    }

    @PostMapping("/contact")
    Mono<ResponseEntity<Envelope>> contact(@RequestBody SendContactRequest request,
                                           @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return queued("contact", () -> {
            Target target = target(request.accountId(), request.phone(), request.expiresAt(), key);
            ContactCard card = new ContactCard(Inputs.text(request.contactName(), "contact_name", MAX_CONTACT_NAME),
                    Inputs.phoneNumber(request.contactPhone(), "contact_phone"));
            return sends.sendContact(target.account(), target.phone(), card, request.expiresAt(), target.key());
        });
    }

    @PostMapping(path = "/image", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Envelope>> imageFromUrl(@RequestBody SendImageRequest request,
                                                @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return fromUrl(MediaKind.IMAGE, request.accountId(), request.phone(), request.caption(), request.imageUrl(),
                request.expiresAt(), key);
    }

    @PostMapping(path = "/image", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ResponseEntity<Envelope>> imageUpload(ServerWebExchange exchange) {
        return upload(MediaKind.IMAGE, exchange);
    }

    @PostMapping(path = "/file", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Envelope>> fileFromUrl(@RequestBody SendFileRequest request,
                                               @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return fromUrl(MediaKind.FILE, request.accountId(), request.phone(), request.caption(), request.fileUrl(),
                request.expiresAt(), key);
    }

    @PostMapping(path = "/file", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ResponseEntity<Envelope>> fileUpload(ServerWebExchange exchange) {
        return upload(MediaKind.FILE, exchange);
    }

    @PostMapping(path = "/video", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Envelope>> videoFromUrl(@RequestBody SendVideoRequest request,
                                                @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return fromUrl(MediaKind.VIDEO, request.accountId(), request.phone(), request.caption(), request.videoUrl(),
                request.expiresAt(), key);
    }

    @PostMapping(path = "/video", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ResponseEntity<Envelope>> videoUpload(ServerWebExchange exchange) {
        return upload(MediaKind.VIDEO, exchange);
    }

    @PostMapping(path = "/audio", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Envelope>> audioFromUrl(@RequestBody SendAudioRequest request,
                                                @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return fromUrl(MediaKind.AUDIO, request.accountId(), request.phone(), null, request.audioUrl(),
                request.expiresAt(), key);
    }

    @PostMapping(path = "/audio", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ResponseEntity<Envelope>> audioUpload(ServerWebExchange exchange) {
        return upload(MediaKind.AUDIO, exchange);
    }

    @PostMapping(path = "/sticker", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Envelope>> stickerFromUrl(@RequestBody SendStickerRequest request,
                                                  @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return fromUrl(MediaKind.STICKER, request.accountId(), request.phone(), null, request.stickerUrl(),
                request.expiresAt(), key);
    }

    @PostMapping(path = "/sticker", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ResponseEntity<Envelope>> stickerUpload(ServerWebExchange exchange) {
        return upload(MediaKind.STICKER, exchange);
    }

    /** A media send whose media is downloaded from its {@code <kind>_url}. */
    private Mono<ResponseEntity<Envelope>> fromUrl(MediaKind kind, String accountId, String phone, String caption,
                                                   String url, Instant expiresAt, String key) {
        return queued(kind.field(), () -> {
            Target target = target(accountId, phone, expiresAt, key);
            URI source = Inputs.httpUrl(url, kind.urlField());
            checkCaption(caption);
            return sends.sendMedia(kind, target.account(), target.phone(), caption, expiresAt,
                    media.download(kind, source), target.key());
        });
    }

    /**
     * A media send as a multipart form, as go-whatsapp-web-multidevice takes it: {@code account_id},
     * {@code phone}, {@code caption} (image, file, video), optional {@code expires_at}, and the media as a
     * file part named after its kind, or a {@code <kind>_url} field to download it from.
     */
    private Mono<ResponseEntity<Envelope>> upload(MediaKind kind, ServerWebExchange exchange) {
        return exchange.getMultipartData()
                .flatMap(form -> {
                    Instant expiresAt = instant(field(form, "expires_at"), "expires_at");
                    Target target = target(field(form, "account_id"), field(form, "phone"), expiresAt,
                            exchange.getRequest().getHeaders().getFirst(IDEMPOTENCY_KEY));
                    String caption = kind.hasCaption() ? field(form, "caption") : null;
                    checkCaption(caption);
                    Mono<SendService.MediaBytes> bytes;
                    if (form.getFirst(kind.field()) instanceof FilePart file) {
                        bytes = media.upload(kind, file);
                    } else if (field(form, kind.urlField()) != null) {
                        bytes = media.download(kind, Inputs.httpUrl(field(form, kind.urlField()), kind.urlField()));
                    } else {
                        throw ApiException.badRequest("a file part named '" + kind.field() + "' or a field '"
                                + kind.urlField() + "' is required");
                    }
                    return sends.sendMedia(kind, target.account(), target.phone(), caption, expiresAt, bytes, target.key());
                })
                .map(queued -> Envelope.ok(kind.field() + " queued", queued));
    }

    /** Runs a send's validation and start (which throw a 400 on bad input) and answers "<what> queued". */
    private static Mono<ResponseEntity<Envelope>> queued(String what, Supplier<Mono<SendService.Queued>> send) {
        return Mono.fromSupplier(send).flatMap(started -> started).map(queued -> Envelope.ok(what + " queued", queued));
    }

    private Target target(String accountId, String phone, Instant expiresAt, String idempotencyKey) {
        AccountId account = Inputs.accountId(accountId, "account_id");
        String recipient = Inputs.phone(phone, "phone");
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            throw ApiException.badRequest("expires_at is in the past; give a future ISO-8601 instant or leave it out");
        }
        return new Target(account, recipient, IdempotencyKeys.parse(account, idempotencyKey));
    }

    /** 1 to 255 characters of question; 2 to 12 distinct, non-blank options of at most 100; 1 to options answers. */
    private static PollSpec poll(SendPollRequest request) {
        String question = Inputs.text(request.question(), "question", MAX_POLL_QUESTION);
        List<String> options = request.options();
        if (options == null || options.size() < 2 || options.size() > MAX_POLL_OPTIONS) {
            throw ApiException.badRequest("options must be a list of 2 to " + MAX_POLL_OPTIONS + " choices");
        }
        for (int i = 0; i < options.size(); i++) {
            Inputs.text(options.get(i), "options[" + i + "]", MAX_POLL_OPTION);
        }
        if (options.stream().distinct().count() < options.size()) {
            throw ApiException.badRequest("options must all differ");
        }
        int maxAnswer = request.maxAnswer() == null ? 1 : request.maxAnswer();
        if (maxAnswer < 1 || maxAnswer > options.size()) {
            throw ApiException.badRequest("max_answer must be from 1 to the number of options (" + options.size() + ")");
        }
        return new PollSpec(question, options, maxAnswer);
    }

    /** A coordinate in degrees, required, within [-limit, limit]. */
    private static double degrees(Double value, String field, int limit) {
        if (value == null || value.isNaN() || value < -limit || value > limit) {
            throw ApiException.badRequest(field + " is required: a number of degrees from -" + limit + " to " + limit);
        }
        return value;
    }

    private static String optionalText(String value, String field, int maxLength) {
        return value == null || value.isEmpty() ? null : Inputs.text(value, field, maxLength);
    }

    private static void checkCaption(String caption) {
        if (caption != null && caption.length() > MAX_CAPTION) {
            throw ApiException.badRequest("caption must be at most " + MAX_CAPTION + " characters");
        }
    }

    private static Instant instant(String value, String field) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field + " must be an ISO-8601 instant such as 2026-11-26T10:15:30Z");
        }
    }

    private static String field(MultiValueMap<String, Part> form, String name) {
        return form.getFirst(name) instanceof FormFieldPart field ? field.value() : null;
    }
}
