package io.wafleet.gateway.account;

import io.wafleet.gateway.GatewayProperties;
import io.wafleet.gateway.auth.Access;
import io.wafleet.gateway.auth.Audit;
import io.wafleet.gateway.web.Envelope;
import io.wafleet.gateway.web.Inputs;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Map;

@RestController
@RequestMapping("/accounts")
class AccountController {

    /**
     * {@code transport} defaults to {@code wafleet.accounts.default-transport}; {@code proxy} and
     * {@code cloud_api} as {@link AccountSettings#parse} reads them.
     */
    record CreateAccountRequest(String accountId, String transport, String proxy, AccountSettings.CloudApiRequest cloudApi) {

        @Override
        public String toString() {
            return "CreateAccountRequest[" + accountId + ", " + transport + "]";
        }
    }

    private final AccountStore accounts;
    private final AccountDeletion deletion;
    private final Audit audit;
    private final String defaultTransport;

    AccountController(AccountStore accounts, AccountDeletion deletion, Audit audit, GatewayProperties properties) {
        this.accounts = accounts;
        this.deletion = deletion;
        this.audit = audit;
        this.defaultTransport = properties.accounts().defaultTransport();
    }

    @PostMapping
    Mono<ResponseEntity<Envelope>> create(@RequestBody CreateAccountRequest request) {
        return Mono.fromSupplier(() -> Inputs.accountId(request.accountId(), "account_id"))
                .flatMap(id -> accounts.create(id, AccountSettings.parse(request.transport(), request.proxy(),
                        request.cloudApi(), defaultTransport)))
                .flatMap(account -> audit.record("account.created", "account " + account.id()).thenReturn(account))
                .map(account -> Envelope.created("account " + account.id() + " created", account));
    }

    @GetMapping
    Mono<ResponseEntity<Envelope>> list() {
        return accounts.findAll().collectList().map(all -> Envelope.ok(all.size() + " accounts", all));
    }

    @GetMapping("/{id}")
    Mono<ResponseEntity<Envelope>> get(@PathVariable String id) {
        return Mono.fromSupplier(() -> Inputs.accountId(id, "account id"))
                .flatMap(accounts::require)
                .map(account -> Envelope.ok("account " + account.id(), account));
    }

    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Envelope>> delete(@PathVariable String id) {
        return Mono.fromSupplier(() -> Inputs.accountId(id, "account id"))
                .flatMap(accountId -> Access.manage(accountId).then(accounts.require(accountId))
                        .then(deletion.delete(accountId))
                        .then(audit.record("account.deleted", "account " + accountId))
                        .thenReturn(accountId))
                .map(accountId -> Envelope.ok("account " + accountId + " deleted", Map.of("account_id", accountId.value())));
    }
}
