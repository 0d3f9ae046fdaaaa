package io.wafleet.gateway.action;

import io.wafleet.common.AccountId;
import io.wafleet.common.command.Command;
import io.wafleet.common.command.CommandRules;
import io.wafleet.common.command.DeleteMessage;
import io.wafleet.common.command.EditMessage;
import io.wafleet.common.command.MarkMessageRead;
import io.wafleet.common.command.ReactToMessage;
import io.wafleet.common.command.RevokeMessage;
import io.wafleet.common.command.StarMessage;
import io.wafleet.common.command.UnstarMessage;
import io.wafleet.gateway.web.ApiException;
import io.wafleet.gateway.web.Envelope;
import io.wafleet.gateway.web.Inputs;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.function.Supplier;

/**
 * {@code POST /message/{message_id}/...}: the message actions of go-whatsapp-web-multidevice, with
 * {@code account_id} in the body. {@code phone} is the chat the message is in; a forward also names
 * its destination, {@code to}.
 */
@RestController
@RequestMapping("/message/{messageId}")
class MessageActionController {

    /** As {@code /send/message}. */
    static final int MAX_TEXT = CommandRules.MAX_TEXT;
    /** Room for the longest emoji sequences (flags, families with skin tones), not for text. */
    static final int MAX_EMOJI = CommandRules.MAX_EMOJI;

    /** The body of every action: the acting account and the chat of the message. */
    record ActionRequest(String accountId, String phone) {
    }

    record ReactionRequest(String accountId, String phone, String emoji) {
    }

    record UpdateRequest(String accountId, String phone, String message) {
    }

    record ForwardRequest(String accountId, String phone, String to) {
    }

    /** The validated fields common to every action. */
    private record Target(AccountId account, String messageId, String phone) {
    }

    /** Builds an action's command from its command id. */
    @FunctionalInterface
    private interface CommandFor {
        Command create(String commandId, Target target);
    }

    private final MessageActionService actions;

    MessageActionController(MessageActionService actions) {
        this.actions = actions;
    }

    @PostMapping("/reaction")
    Mono<ResponseEntity<Envelope>> reaction(@PathVariable String messageId, @RequestBody ReactionRequest request) {
        return queued("reaction", () -> {
            Target target = target(messageId, request.accountId(), request.phone());
            String emoji = emoji(request.emoji());
            return act(target, (id, t) -> new ReactToMessage(id, t.account(), Command.SCHEMA_VERSION, t.messageId(), t.phone(), emoji));
        });
    }

    @PostMapping("/revoke")
    Mono<ResponseEntity<Envelope>> revoke(@PathVariable String messageId, @RequestBody ActionRequest request) {
        return simple("revoke", messageId, request, (id, t) -> new RevokeMessage(id, t.account(), Command.SCHEMA_VERSION,
                t.messageId(), t.phone()));
    }

    @PostMapping("/delete")
    Mono<ResponseEntity<Envelope>> delete(@PathVariable String messageId, @RequestBody ActionRequest request) {
        return simple("delete", messageId, request, (id, t) -> new DeleteMessage(id, t.account(), Command.SCHEMA_VERSION,
                t.messageId(), t.phone()));
    }

    @PostMapping("/update")
    Mono<ResponseEntity<Envelope>> update(@PathVariable String messageId, @RequestBody UpdateRequest request) {
        return queued("update", () -> {
            Target target = target(messageId, request.accountId(), request.phone());
            String text = Inputs.text(request.message(), "message", MAX_TEXT);
            return act(target, (id, t) -> new EditMessage(id, t.account(), Command.SCHEMA_VERSION, t.messageId(), t.phone(), text));
        });
    }

    @PostMapping("/read")
    Mono<ResponseEntity<Envelope>> read(@PathVariable String messageId, @RequestBody ActionRequest request) {
        return simple("read", messageId, request, (id, t) -> new MarkMessageRead(id, t.account(), Command.SCHEMA_VERSION,
                t.messageId(), t.phone()));
    }

    @PostMapping("/star")
    Mono<ResponseEntity<Envelope>> star(@PathVariable String messageId, @RequestBody ActionRequest request) {
        return simple("star", messageId, request, (id, t) -> new StarMessage(id, t.account(), Command.SCHEMA_VERSION,
                t.messageId(), t.phone()));
    }

    @PostMapping("/unstar")
    Mono<ResponseEntity<Envelope>> unstar(@PathVariable String messageId, @RequestBody ActionRequest request) {
        return simple("unstar", messageId, request, (id, t) -> new UnstarMessage(id, t.account(), Command.SCHEMA_VERSION,
                t.messageId(), t.phone()));
    }

    @PostMapping("/forward")
    Mono<ResponseEntity<Envelope>> forward(@PathVariable String messageId, @RequestBody ForwardRequest request) {
        return queued("forward", () -> {
            Target target = target(messageId, request.accountId(), request.phone());
            String to = Inputs.phone(request.to(), "to");
            return actions.forward(target.account(), target.messageId(), target.phone(), to);
        });
    }

    private Mono<ResponseEntity<Envelope>> simple(String what, String messageId, ActionRequest request, CommandFor command) {
        return queued(what, () -> act(target(messageId, request.accountId(), request.phone()), command));
    }

    private Mono<MessageActionService.Queued> act(Target target, CommandFor command) {
        return actions.act(target.account(), target.messageId(), commandId -> command.create(commandId, target));
    }

    /** Runs an action's validation (which throws a 400 on bad input) and start, and answers "<what> queued". */
    private static Mono<ResponseEntity<Envelope>> queued(String what, Supplier<Mono<?>> action) {
        return Mono.fromSupplier(action).flatMap(started -> started).map(queued -> Envelope.ok(what + " queued", queued));
    }

    private static Target target(String messageId, String accountId, String phone) {
        return new Target(Inputs.accountId(accountId, "account_id"), Inputs.messageId(messageId, "message id"),
                Inputs.phone(phone, "phone"));
    }

    /** Required; empty removes the reaction; otherwise an emoji, not text. */
    private static String emoji(String value) {
        if (value == null) {
            throw ApiException.badRequest("emoji is required: an emoji, or an empty string to remove the reaction");
        }
        if (!value.isEmpty() && (value.isBlank() || value.length() > MAX_EMOJI)) {
            throw ApiException.badRequest("emoji must be one emoji (at most " + MAX_EMOJI
                    + " characters), or an empty string to remove the reaction");
        }
        return value;
    }
}
