package io.wafleet.gateway.presence;

import io.wafleet.common.AccountId;
import io.wafleet.common.command.ChatState;
import io.wafleet.common.command.Command;
import io.wafleet.common.command.Presence;
import io.wafleet.common.command.SendChatPresence;
import io.wafleet.common.command.SendPresence;
import io.wafleet.gateway.web.ApiException;
import io.wafleet.gateway.web.Envelope;
import io.wafleet.gateway.web.Inputs;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.function.Supplier;

/**
 * {@code POST /send/presence} ({@code type}: {@code available} or {@code unavailable}) and
 * {@code POST /send/chat-presence} ({@code phone}, {@code action}: {@code start} or {@code stop} typing),
 * as go-whatsapp-web-multidevice takes them, with {@code account_id}. The API's words are kept on the
 * wire as WhatsApp's: a chat presence's {@code start} is {@code composing}, {@code stop} is {@code paused}.
 */
@RestController
@RequestMapping("/send")
class PresenceController {

    record PresenceRequest(String accountId, String type) {
    }

    record ChatPresenceRequest(String accountId, String phone, String action) {
    }

    private final PresenceService presences;

    PresenceController(PresenceService presences) {
        this.presences = presences;
    }

    @PostMapping("/presence")
    Mono<ResponseEntity<Envelope>> presence(@RequestBody PresenceRequest request) {
        return queued("presence", () -> {
            AccountId account = Inputs.accountId(request.accountId(), "account_id");
            Presence presence = presence(request.type());
            return presences.publish(account, id -> new SendPresence(id, account, Command.SCHEMA_VERSION, presence));
        });
    }

    @PostMapping("/chat-presence")
    Mono<ResponseEntity<Envelope>> chatPresence(@RequestBody ChatPresenceRequest request) {
        return queued("chat presence", () -> {
            AccountId account = Inputs.accountId(request.accountId(), "account_id");
            String phone = Inputs.phone(request.phone(), "phone");
            ChatState state = chatState(request.action());
            return presences.publish(account, id -> new SendChatPresence(id, account, Command.SCHEMA_VERSION, phone, state));
        });
    }

    /** Runs the validation (which throws a 400 on bad input) and the publish, and answers "<what> queued". */
    private static Mono<ResponseEntity<Envelope>> queued(String what, Supplier<Mono<PresenceService.Queued>> publish) {
        return Mono.fromSupplier(publish).flatMap(started -> started).map(queued -> Envelope.ok(what + " queued", queued));
    }

    private static Presence presence(String type) {
        if (type == null || type.isEmpty()) {
            throw ApiException.badRequest("type is required: available or unavailable");
        }
        return switch (type) {
            case "available" -> Presence.AVAILABLE;
            case "unavailable" -> Presence.UNAVAILABLE;
            default -> throw ApiException.badRequest("type must be available or unavailable");
        };
    }

    private static ChatState chatState(String action) {
        if (action == null || action.isEmpty()) {
            throw ApiException.badRequest("action is required: start or stop (typing)");
        }
        return switch (action) {
            case "start" -> ChatState.COMPOSING;
            case "stop" -> ChatState.PAUSED;
            default -> throw ApiException.badRequest("action must be start or stop (typing)");
        };
    }
}
