package io.wafleet.gateway.user;

import io.wafleet.common.AccountId;
import io.wafleet.common.MessageIds;
import io.wafleet.common.command.CheckUser;
import io.wafleet.common.command.Command;
import io.wafleet.common.command.GetUserInfo;
import io.wafleet.common.command.ReplyTo;
import io.wafleet.common.connector.WhatsAppUser;
import io.wafleet.gateway.account.AccountStore;
import io.wafleet.gateway.kafka.ReplyClient;
import io.wafleet.gateway.web.ApiException;
import io.wafleet.gateway.web.Envelope;
import io.wafleet.gateway.web.Inputs;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /user/check?account_id=&phone=} (is the number on WhatsApp) and {@code GET /user/info}
 * (what WhatsApp shows about it), as go-whatsapp-web-multidevice answers them, with {@code account_id}:
 * the account's session asks WhatsApp, so the account must be logged in (409 otherwise), and the call
 * waits for its worker's answer (503 {@code TIMEOUT} when none comes in time).
 */
@RestController
@RequestMapping("/user")
class UserController {

    /** {@code GET /user/check}'s results. */
    record CheckResult(String phone, boolean isOnWhatsapp, String jid) {
    }

    /** {@code GET /user/info}'s results; {@code presence} and {@code last_seen} null when not shown. */
    record InfoResult(String phone, String jid, String verifiedName, String status, String pictureId, String presence,
                      Instant lastSeen, List<String> devices) {

        static InfoResult of(WhatsAppUser user) {
            return new InfoResult(user.phone(), user.jid(), user.verifiedName(), user.status(), null, user.presence(),
                    user.lastSeen(), user.devices());
        }
    }

    /** Builds the question's command around its reply address. */
    @FunctionalInterface
    private interface Question {
        Command ask(String commandId, AccountId account, String phone, ReplyTo replyTo);
    }

    private final AccountStore accounts;
    private final ReplyClient replies;

    UserController(AccountStore accounts, ReplyClient replies) {
        this.accounts = accounts;
        this.replies = replies;
    }

    @GetMapping("/check")
    Mono<ResponseEntity<Envelope>> check(@RequestParam(name = "account_id", required = false) String accountId,
                                         @RequestParam(required = false) String phone) {
        return ask(accountId, phone, (id, account, number, replyTo) ->
                new CheckUser(id, account, Command.SCHEMA_VERSION, number, replyTo))
                .map(user -> Envelope.ok(phone + (user.onWhatsapp() ? " is on WhatsApp" : " is not on WhatsApp"),
                        new CheckResult(user.phone(), user.onWhatsapp(), user.jid())));
    }

    @GetMapping("/info")
    Mono<ResponseEntity<Envelope>> info(@RequestParam(name = "account_id", required = false) String accountId,
                                        @RequestParam(required = false) String phone) {
        return ask(accountId, phone, (id, account, number, replyTo) ->
                new GetUserInfo(id, account, Command.SCHEMA_VERSION, number, replyTo))
                .map(user -> {
                    if (!user.onWhatsapp()) {
                        throw ApiException.notFound(phone + " is not on WhatsApp");
                    }
                    return Envelope.ok("user info of " + phone, InfoResult.of(user));
                });
    }

    private Mono<WhatsAppUser> ask(String accountId, String phone, Question question) {
        return Mono.fromSupplier(() -> new Asked(Inputs.accountId(accountId, "account_id"), person(phone)))
                .flatMap(asked -> accounts.requireSendable(asked.account())
                        .then(replies.call(replyTo -> question.ask(MessageIds.newCommandId(), asked.account(), asked.phone(), replyTo)))
                        .flatMap(reply -> reply.user() == null
                                ? Mono.error(ApiException.unavailable("the session worker gave no answer about " + phone))
                                : Mono.just(reply.user())));
    }

    /** A person's number or WhatsApp id: a group is not a user. */
    private static String person(String phone) {
        String value = Inputs.phone(phone, "phone");
        if (value.endsWith("@g.us")) {
            throw ApiException.badRequest("phone must be a person's number or WhatsApp id, not a group");
        }
        return value;
    }

    private record Asked(AccountId account, String phone) {
    }
}
