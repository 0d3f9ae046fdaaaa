package io.wafleet.session.session;

import io.wafleet.common.AccountId;
import io.wafleet.common.connector.SessionStatus;
import io.wafleet.common.event.Event;
import io.wafleet.common.event.SessionStatusChanged;
import io.wafleet.session.WorkerId;
import io.wafleet.session.kafka.EventPublisher;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

/** Every status change of a session: a {@code session.status} event and the account document updated. */
@Component
class StatusReporter {

    /** Statuses in which no worker holds a session for the account. */
    private static final Set<SessionStatus> UNHELD = EnumSet.of(SessionStatus.DISCONNECTED, SessionStatus.LOGGED_OUT);

    private final EventPublisher publisher;
    private final AccountStore accounts;
    private final WorkerId worker;
    private final Clock clock;

    StatusReporter(EventPublisher publisher, AccountStore accounts, WorkerId worker, Clock clock) {
        this.publisher = publisher;
        this.accounts = accounts;
        this.worker = worker;
        this.clock = clock;
    }

    void report(ManagedSession session, SessionStatus status, String reason, boolean forgetDevice) {
        report(session.account(), status, reason, session.phoneNumber(), session.deviceId(), forgetDevice);
    }

    void report(AccountId account, SessionStatus status, String reason, String phone, String device, boolean forgetDevice) {
        boolean held = !UNHELD.contains(status);
        SessionStatusChanged change = new SessionStatusChanged(status, reason,
                forgetDevice ? null : phone, forgetDevice ? null : device, held ? worker.value() : null);
        accounts.statusChanged(account, change, forgetDevice);
        publisher.publish(Event.of(CommandScope.sourceId(status.wireName()), account, clock.instant(), change));
    }
}
