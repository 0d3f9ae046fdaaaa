package io.wafleet.session.session;

import io.wafleet.common.connector.SessionStatus;
import io.wafleet.common.event.Event;
import io.wafleet.common.event.SessionStatusChanged;
import io.wafleet.session.WorkerId;
import io.wafleet.session.kafka.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

/**
 * Every status change of a session: the account document updated and a {@code session.status} event.
 * Only while the session's lease is held at its epoch: a session whose lease was lost (or taken over)
 * says nothing more, locally checked first and then fenced by the epoch in the update's filter.
 */
@Component
class StatusReporter {

    private static final Logger log = LoggerFactory.getLogger(StatusReporter.class);

    /** Statuses in which no worker holds a session for the account. */
    private static final Set<SessionStatus> UNHELD = EnumSet.of(SessionStatus.DISCONNECTED, SessionStatus.LOGGED_OUT);

    private final EventPublisher publisher;
    private final AccountStore accounts;
    private final SessionLeases leases;
    private final WorkerId worker;
    private final Clock clock;

    StatusReporter(EventPublisher publisher, AccountStore accounts, SessionLeases leases, WorkerId worker, Clock clock) {
        this.publisher = publisher;
        this.accounts = accounts;
        this.leases = leases;
        this.worker = worker;
        this.clock = clock;
    }

    /** Reports the session's new status; false (and nothing written) when its lease is no longer held. */
    boolean report(ManagedSession session, SessionStatus status, String reason, boolean forgetDevice) {
        if (!leases.holds(session.account(), session.epoch())) {
            log.info("Status {} of account {} not reported: lease epoch {} is no longer held",
                    status.wireName(), session.account(), session.epoch());
            return false;
        }
        boolean held = !UNHELD.contains(status);
        SessionStatusChanged change = new SessionStatusChanged(status, reason,
                forgetDevice ? null : session.phoneNumber(), forgetDevice ? null : session.deviceId(),
                held ? worker.value() : null);
        if (!accounts.statusChanged(session.account(), session.epoch(), change, forgetDevice)) {
            log.info("Status {} of account {} refused: a newer lease than epoch {} wrote the account",
                    status.wireName(), session.account(), session.epoch());
            return false;
        }
        publisher.publish(Event.of(CommandScope.sourceId(status.wireName()), session.account(), clock.instant(), change));
        return true;
    }
}
