package io.wafleet.gateway.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The audit trail: who created or deleted an account, started a login or logged out, issued or revoked
 * a key. Each line goes to the logger {@code wafleet.audit} (route it to a file or a collector of its
 * own), names the caller by key id and name, never by the key.
 */
@Component
public class Audit {

    private static final Logger log = LoggerFactory.getLogger("wafleet.audit");

    /** Records that the calling key did {@code action} (e.g. {@code account.created}) on {@code target}. */
    public Mono<Void> record(String action, String target) {
        return Access.caller().doOnNext(caller -> log.info("{} {} by {}", action, target, caller.describe())).then();
    }
}
