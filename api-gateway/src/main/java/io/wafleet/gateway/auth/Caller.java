package io.wafleet.gateway.auth;

import io.wafleet.common.AccountId;

import java.util.Locale;
import java.util.Set;

/**
 * Who is calling, as the presented API key says: the admin, a tenant (a set of accounts it may act on,
 * create and delete, and hand out account keys for) or one account's key (it acts on its account only).
 * Without keys configured (local mode on loopback) every caller is {@link #OPEN}, with the admin's rights.
 *
 * @param keyId    the key's public id ({@code admin} for the admin key), or null when keys are off
 * @param name     the name the key was given, for the audit log
 * @param scope    what the key covers
 * @param accounts the account ids a tenant or account key covers (empty for the admin)
 */
public record Caller(String keyId, String name, Scope scope, Set<String> accounts) {

    /** Everyone, when no admin key is configured. */
    static final Caller OPEN = new Caller(null, "anyone (API keys are off)", Scope.ADMIN, Set.of());
    static final Caller ADMIN = new Caller("admin", "the admin key", Scope.ADMIN, Set.of());

    public enum Scope {
        ADMIN, TENANT, ACCOUNT;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Scope of(String wireName) {
            return valueOf(wireName.toUpperCase(Locale.ROOT));
        }
    }

    public Caller {
        accounts = Set.copyOf(accounts);
    }

    public boolean isAdmin() {
        return scope == Scope.ADMIN;
    }

    /** Whether this caller may send from, configure and read the account. */
    public boolean mayActOn(AccountId account) {
        return isAdmin() || accounts.contains(account.value());
    }

    /** Whether this caller may create or delete the account, and hand out a key for it. */
    public boolean mayManage(AccountId account) {
        return isAdmin() || scope == Scope.TENANT && accounts.contains(account.value());
    }

    /** Who did it, for the audit log: never the key itself. */
    public String describe() {
        return isAdmin() ? name : scope.wireName() + " key " + keyId + " (" + name + ")";
    }
}
