package io.wafleet.gateway.auth;

import io.wafleet.common.AccountId;
import io.wafleet.gateway.account.AccountStore;
import io.wafleet.gateway.web.ApiException;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Issues, lists and revokes tenant and account keys. The admin issues tenant keys; the admin or a
 * tenant key covering an account issues that account's keys. A key is shown once, when issued.
 */
@RestController
@RequestMapping("/keys")
class KeyController {

    private static final int MAX_NAME_LENGTH = 100;
    private static final int MAX_ACCOUNTS = 1000;
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{16}");

    record IssueKeyRequest(String name, String scope, List<String> accountIds) {
    }

    private record ValidRequest(String name, Caller.Scope scope, List<AccountId> accounts) {
    }

    private final ApiKeyStore keys;
    private final AccountStore accountStore;
    private final Audit audit;

    KeyController(ApiKeyStore keys, AccountStore accountStore, Audit audit) {
        this.keys = keys;
        this.accountStore = accountStore;
        this.audit = audit;
    }

    @PostMapping
    Mono<ResponseEntity<Envelope>> issue(@RequestBody IssueKeyRequest request) {
        return Mono.fromSupplier(() -> validate(request))
                .flatMap(valid -> mayIssue(valid).flatMap(issuer -> keys.issue(valid.name(), valid.scope(), valid.accounts(), issuer)))
                .flatMap(issued -> audit.record("key.issued", "key " + issued.view().keyId() + " for " + issued.view().accountIds())
                        .thenReturn(issued))
                .map(issued -> {
                    Map<String, Object> results = new LinkedHashMap<>();
                    results.put("key", issued.key());
                    results.put("key_id", issued.view().keyId());
                    results.put("name", issued.view().name());
                    results.put("scope", issued.view().scope());
                    results.put("account_ids", issued.view().accountIds());
                    results.put("created_at", issued.view().createdAt());
                    return Envelope.created("key " + issued.view().keyId() + " issued; store it now, it is not shown again", results);
                });
    }

    @GetMapping
    Mono<ResponseEntity<Envelope>> list() {
        return Access.caller().flatMapMany(caller -> switch (caller.scope()) {
                    case ADMIN -> keys.list(null);
                    // a tenant sees the account keys of its accounts, not other tenants' keys
                    case TENANT -> keys.list(caller.accounts()).filter(key -> key.scope().equals(Caller.Scope.ACCOUNT.wireName()));
                    case ACCOUNT -> Flux.error(ApiException.forbidden("FORBIDDEN",
                            "an account key may not list keys"));
                })
                .collectList()
                .map(all -> Envelope.ok(all.size() + " keys", all));
    }

    @DeleteMapping("/{keyId}")
    Mono<ResponseEntity<Envelope>> revoke(@PathVariable String keyId) {
        return Mono.fromSupplier(() -> {
                    if (!KEY_ID.matcher(keyId).matches()) {
                        throw ApiException.badRequest("key id must be 16 lowercase hex digits, as issued in key_id");
                    }
                    return keyId;
                })
                .flatMap(keys::find)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("no key '" + keyId + "'")))
                .flatMap(key -> mayRevoke(key).then(keys.revoke(keyId)))
                .flatMap(revoked -> audit.record("key.revoked", "key " + keyId).thenReturn(revoked))
                .map(revoked -> Envelope.ok("key " + keyId + " revoked", revoked));
    }

    /** A tenant key may name accounts yet to be created; an account key's account must exist. */
    private Mono<Caller> mayIssue(ValidRequest request) {
        if (request.scope() == Caller.Scope.TENANT) {
            return Access.admin();
        }
        AccountId account = request.accounts().getFirst();
        return Access.manage(account).flatMap(caller -> accountStore.require(account).thenReturn(caller));
    }

    private static Mono<Caller> mayRevoke(KeyView key) {
        if (!key.scope().equals(Caller.Scope.ACCOUNT.wireName())) {
            return Access.admin();
        }
        return Access.manage(AccountId.of(key.accountIds().getFirst()));
    }

    private static ValidRequest validate(IssueKeyRequest request) {
        String name = request.name() == null ? "" : Inputs.text(request.name(), "name", MAX_NAME_LENGTH);
        if (request.scope() == null || !List.of("tenant", "account").contains(request.scope())) {
            throw ApiException.badRequest("scope must be 'tenant' (a set of accounts) or 'account' (one account)");
        }
        Caller.Scope scope = Caller.Scope.of(request.scope());
        List<String> ids = request.accountIds();
        if (ids == null || ids.isEmpty() || ids.size() > MAX_ACCOUNTS) {
            throw ApiException.badRequest("account_ids must list 1 to " + MAX_ACCOUNTS + " accounts");
        }
        if (scope == Caller.Scope.ACCOUNT && ids.size() != 1) {
            throw ApiException.badRequest("an account key covers exactly one account: give one id in account_ids");
        }
        List<AccountId> accounts = ids.stream().map(id -> Inputs.accountId(id, "account_ids")).distinct().toList();
        return new ValidRequest(name, scope, accounts);
    }
}
