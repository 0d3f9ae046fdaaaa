package io.wafleet.session.session;

import io.wafleet.common.AccountId;
import io.wafleet.session.WorkerId;
import io.wafleet.session.credentials.CredentialStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The safety net under assignment and hand-over: every {@code wafleet.restore.reconcile-interval}
 * ({@link SessionSchedules}), the
 * accounts of this worker's partitions that have a stored login, no session here and no restore on
 * the way, yet whose record says they are logged in (held by no one, or by a worker that no longer owns
 * them) are queued for restore, with a warning, since it means a hand-over was missed. A restore
 * that finds the lease still held elsewhere waits for it as usual, so this never opens a second session.
 */
@Component
class SessionReconciler {

    private static final Logger log = LoggerFactory.getLogger(SessionReconciler.class);

    private final CredentialStore credentials;
    private final AccountStore accounts;
    private final OwnedPartitions owned;
    private final SessionRegistry registry;
    private final StartQueue starts;
    private final WorkerId worker;

    SessionReconciler(CredentialStore credentials, AccountStore accounts, OwnedPartitions owned, SessionRegistry registry,
                      StartQueue starts, WorkerId worker) {
        this.credentials = credentials;
        this.accounts = accounts;
        this.owned = owned;
        this.registry = registry;
        this.starts = starts;
        this.worker = worker;
    }

    /** Queues the stranded accounts; answers them. */
    List<AccountId> reconcile() {
        List<AccountId> idle = credentials.accounts().stream()
                .filter(owned::owns)
                .filter(account -> registry.get(account) == null && !starts.isPending(account))
                .toList();
        List<AccountId> stranded = accounts.liveElsewhereOrNowhere(idle, worker);
        for (AccountId account : stranded) {
            log.warn("Account {} is logged in by its record, but no session of this worker (its partition's owner) "
                    + "holds it and no restore is queued: restoring it", account);
            starts.enqueue(account);
        }
        return stranded;
    }
}
