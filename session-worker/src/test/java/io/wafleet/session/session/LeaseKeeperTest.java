package io.wafleet.session.session;

import io.wafleet.common.AccountId;
import io.wafleet.session.SessionWorkerProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.dao.DataAccessResourceFailureException;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The keeper's duty when renewals fail: the deadline check still stops the session, and the owner restores it later. */
class LeaseKeeperTest {

    private static final AccountId ACCOUNT = AccountId.of("stalled");
    private static final SessionLeases.Lease LEASE = new SessionLeases.Lease(ACCOUNT, 7);

    private final SessionLeases leases = mock(SessionLeases.class);
    private final SessionHandover handover = mock(SessionHandover.class);
    private final StartQueue starts = mock(StartQueue.class);
    private final OwnedPartitions owned = mock(OwnedPartitions.class);
    private final LeaseKeeper keeper = new LeaseKeeper(leases, handover, starts, owned, properties());

    @AfterEach
    void stop() {
        if (keeper.isRunning()) {
            keeper.stop();
        }
    }

    @Test
    void aSessionWhoseRenewalsFailIsStoppedAtItsDeadlineAndQueuedForRestore() {
        when(leases.renew()).thenThrow(new DataAccessResourceFailureException("MongoDB unreachable"));
        when(leases.overdue()).thenReturn(List.of(), List.of(LEASE), List.of());
        when(owned.owns(ACCOUNT)).thenReturn(true);

        keeper.start();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            verify(handover).leaseLost(LEASE);
            verify(starts).enqueue(ACCOUNT);
        });
    }

    @Test
    void aLeaseFoundTakenOnRenewalStopsItsSessionButIsNotRestoredOnceThePartitionMoved() {
        when(leases.renew()).thenReturn(List.of(LEASE), List.of());
        when(leases.overdue()).thenReturn(List.of());
        when(owned.owns(ACCOUNT)).thenReturn(false);

        keeper.start();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> verify(handover).leaseLost(LEASE));
        verify(starts, never()).enqueue(ACCOUNT);
    }

    @Test
    void stoppingHandsOverWhateverIsLeft() {
        keeper.start();
        keeper.stop();

        verify(handover).releaseAll();
    }

    private static SessionWorkerProperties properties() {
        return new Binder(new MapConfigurationPropertySource(Map.of("wafleet.leases.duration", "1s",
                "wafleet.leases.renew-interval", "100ms", "wafleet.leases.safety-margin", "400ms")))
                .bindOrCreate("wafleet", SessionWorkerProperties.class);
    }
}
