package io.wafleet.gateway.message;

import io.wafleet.common.AccountId;
import io.wafleet.gateway.account.AccountStore;
import io.wafleet.gateway.auth.Access;
import io.wafleet.gateway.web.ApiException;
import io.wafleet.gateway.web.Envelope;
import io.wafleet.gateway.web.Inputs;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Set;
import java.util.regex.Pattern;

/** {@code GET /messages/{message_id}} and {@code GET /accounts/{id}/messages}. */
@RestController
class MessageController {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Set<String> STATUSES = Set.of("queued", "sent", "delivered", "read", "failed");

    private final AccountStore accounts;
    private final MessageRecords messages;

    MessageController(AccountStore accounts, MessageRecords messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/messages/{messageId}")
    Mono<ResponseEntity<Envelope>> get(@PathVariable String messageId) {
        return Mono.fromSupplier(() -> {
                    if (!MESSAGE_ID.matcher(messageId).matches()) {
                        throw ApiException.badRequest("message id must be 1 to 128 letters, digits, '_' or '-'");
                    }
                    return messageId;
                })
                .flatMap(messages::find)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("no message '" + messageId + "'")))
                .flatMap(found -> Access.actOn(AccountId.of(found.getString("account_id"))).thenReturn(found))
                .map(found -> Envelope.ok("message " + messageId, MessageView.from(found)));
    }

    @GetMapping("/accounts/{id}/messages")
    Mono<ResponseEntity<Envelope>> recent(@PathVariable String id, @RequestParam(required = false) String status,
                                          @RequestParam(required = false) String limit) {
        return Mono.fromSupplier(() -> Inputs.accountId(id, "account id"))
                .flatMap(account -> {
                    String wanted = status(status);
                    int count = limit(limit);
                    return accounts.require(account).thenMany(messages.recent(account, wanted, count))
                            .map(MessageView::from)
                            .collectList();
                })
                .map(found -> Envelope.ok(found.size() + " recent messages of account " + id, found));
    }

    private static String status(String value) {
        if (value != null && !STATUSES.contains(value)) {
            throw ApiException.badRequest("status must be one of " + String.join(", ", STATUSES.stream().sorted().toList()));
        }
        return value;
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiException.badRequest("limit must be a whole number from 1 to " + MAX_LIMIT);
    }
}
