package io.wafleet.gateway.auth;

import io.wafleet.common.AccountId;
import io.wafleet.gateway.web.ApiException;
import reactor.core.publisher.Mono;

/**
 * The scope checks every route goes through, reading the {@link Caller} the {@link AuthFilter} put in
 * the request's Reactor context. A request that reaches a check without a caller is refused: an
 * unprotected path to an account's data would be a bug, and a loud one beats a silent one.
 */
public final class Access {

    private Access() {
    }

    /** The calling key, or a 403 when the request was not authenticated. */
    public static Mono<Caller> caller() {
        return Mono.deferContextual(context -> context.<Caller>getOrEmpty(Caller.class)
                .map(Mono::just)
                .orElseGet(() -> Mono.error(forbidden("this request carries no authenticated caller"))));
    }

    /** The caller, if it may act on the account (send, configure its webhook, read its messages). */
    public static Mono<Caller> actOn(AccountId account) {
        return caller().flatMap(caller -> caller.mayActOn(account) ? Mono.just(caller)
                : Mono.error(forbidden("this API key may not act on account '" + account + "'")));
    }

    /** The caller, if it may create or delete the account, or hand out a key for it. */
    public static Mono<Caller> manage(AccountId account) {
        return caller().flatMap(caller -> caller.mayManage(account) ? Mono.just(caller)
                : Mono.error(forbidden("this API key may not create, delete or hand out keys for account '" + account
                        + "'; a tenant key covering it or the admin key may")));
    }

    /** The caller, if it is the admin. */
    public static Mono<Caller> admin() {
        return caller().flatMap(caller -> caller.isAdmin() ? Mono.just(caller)
                : Mono.error(forbidden("only the admin key may do this")));
    }

    private static ApiException forbidden(String message) {
        return ApiException.forbidden("FORBIDDEN", message);
    }
}
