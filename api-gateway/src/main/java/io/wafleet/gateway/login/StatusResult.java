package io.wafleet.gateway.login;

import io.wafleet.common.AccountId;
import io.wafleet.common.event.Reply;

/** The account's session status after a call, as the session worker reported it in its reply. */
public record StatusResult(String accountId, String status) {

    public static StatusResult of(AccountId account, Reply reply) {
        return new StatusResult(account.value(), reply.status() == null ? null : reply.status().wireName());
    }
}
