package io.wafleet.gateway.sandbox;

import io.wafleet.common.AccountId;
import io.wafleet.common.MessageIds;
import io.wafleet.common.command.Command;
import io.wafleet.common.command.SandboxDuplicateConnection;
import io.wafleet.common.command.SandboxFault;
import io.wafleet.common.command.SandboxInbound;
import io.wafleet.common.command.SandboxScan;
import io.wafleet.gateway.account.AccountStore;
import io.wafleet.gateway.kafka.CommandPublisher;
import io.wafleet.gateway.kafka.ReplyClient;
import io.wafleet.gateway.login.StatusResult;
import io.wafleet.gateway.web.ApiException;
import io.wafleet.gateway.web.Envelope;
import io.wafleet.gateway.web.Inputs;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The sandbox phone and network, per account: scan, inbound messages, faults and a deliberate
 * duplicate connection. Each reaches the account's owning worker as a command.
 */
@RestController
@RequestMapping("/sandbox/accounts/{id}")
@ConditionalOnBooleanProperty(name = "wafleet.sandbox.enabled", matchIfMissing = true)
class SandboxController {

    private static final int MAX_TEXT = 65_536;
    private static final int MAX_NAME = 256;

    record InboundRequest(String from, String message, String fromName) {
    }

    record Injected(String messageId, String status) {
    }

    record FaultRequest(String kind) {
    }

    private final AccountStore accounts;
    private final ReplyClient replies;
    private final CommandPublisher publisher;

    SandboxController(AccountStore accounts, ReplyClient replies, CommandPublisher publisher) {
        this.accounts = accounts;
        this.replies = replies;
        this.publisher = publisher;
    }

    /** The sandbox phone confirms the pending QR or pairing-code login; answers the resulting status. */
    @PostMapping("/scan")
    Mono<ResponseEntity<Envelope>> scan(@PathVariable String id) {
        return Mono.fromSupplier(() -> Inputs.accountId(id, "account id"))
                .flatMap(account -> accounts.require(account)
                        .then(replies.call(replyTo -> new SandboxScan(MessageIds.newCommandId(), account,
                                Command.SCHEMA_VERSION, replyTo)))
                        .map(reply -> StatusResult.of(account, reply)))
                .map(state -> Envelope.ok("sandbox phone scanned the login of account " + id, state));
    }

    /**
     * Opens a second sandbox connection for the account on purpose, bypassing its lease: the network
     * kicks the account's session with a {@code conflict} and counts it ({@code GET /sandbox/stats}).
     */
    @PostMapping("/duplicate-connection")
    Mono<ResponseEntity<Envelope>> duplicateConnection(@PathVariable String id) {
        return Mono.fromSupplier(() -> Inputs.accountId(id, "account id"))
                .flatMap(account -> accounts.require(account)
                        .then(replies.call(replyTo -> new SandboxDuplicateConnection(MessageIds.newCommandId(), account,
                                Command.SCHEMA_VERSION, replyTo)))
                        .map(reply -> StatusResult.of(account, reply)))
                .map(state -> Envelope.ok("a second connection of account " + id
                        + " was opened; the sandbox network kicked the session with a conflict", state));
    }

    /** {@code disconnect}: the connection drops and the worker reconnects; {@code logged_out}: unlinked from the phone. */
    @PostMapping("/fault")
    Mono<ResponseEntity<Envelope>> fault(@PathVariable String id, @RequestBody FaultRequest request) {
        return Mono.fromSupplier(() -> Inputs.accountId(id, "account id"))
                .flatMap(account -> {
                    SandboxFault.Kind kind = kind(request.kind());
                    return accounts.require(account)
                            .then(replies.call(replyTo -> new SandboxFault(MessageIds.newCommandId(), account,
                                    Command.SCHEMA_VERSION, kind, replyTo)))
                            .map(reply -> StatusResult.of(account, reply));
                })
                .map(state -> Envelope.ok("fault injected into the session of account " + id, state));
    }

    @PostMapping("/inbound")
    Mono<ResponseEntity<Envelope>> inbound(@PathVariable String id, @RequestBody InboundRequest request) {
        return Mono.fromSupplier(() -> validate(id, request))
                .flatMap(command -> accounts.require(command.accountId())
                        .then(publisher.publish(command))
                        .thenReturn(new Injected(command.messageId(), "queued")))
                .map(injected -> Envelope.ok("inbound message queued", injected));
    }

    private static SandboxFault.Kind kind(String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("kind is required: disconnect or logged_out");
        }
        try {
            return SandboxFault.Kind.fromWire(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("kind must be disconnect or logged_out");
        }
    }

    private static SandboxInbound validate(String id, InboundRequest request) {
        AccountId account = Inputs.accountId(id, "account id");
        String from = Inputs.phone(request.from(), "from");
        String message = Inputs.text(request.message(), "message", MAX_TEXT);
        String fromName = request.fromName();
        if (fromName != null && fromName.length() > MAX_NAME) {
            fromName = fromName.substring(0, MAX_NAME);
        }
        return new SandboxInbound(MessageIds.newCommandId(), account, Command.SCHEMA_VERSION,
                MessageIds.newMessageId(), from, fromName, message, null);
    }
}
