package io.wafleet.session.session;

import io.wafleet.common.AccountId;
import io.wafleet.common.Topics;
import io.wafleet.session.SessionWorkerProperties;
import io.wafleet.session.credentials.CredentialStore;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The {@code sessions} readiness of a worker, through the real rebalance listener and restore queue: out
 * of service until the sessions of its assigned partitions are restored, after the first assignment and
 * after each later one; restores that wait for a lease keep it out of service until they succeed.
 */
class SessionsReadinessTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final SessionWorkerProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
            "wafleet.kafka.partitions", "4", "wafleet.restore.jitter", "0s")))
            .bindOrCreate("wafleet", SessionWorkerProperties.class);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService restores = Executors.newFixedThreadPool(4);
    private final CredentialStore credentials = mock(CredentialStore.class);
    private final SessionService sessions = mock(SessionService.class);
    private final OwnedPartitions owned = new OwnedPartitions(properties);
    private final StartQueue starts = new StartQueue(scheduler, restores, sessions, owned, mock(SessionHandover.class),
            Clock.systemUTC(), properties);
    private final RestoreProgress progress = new RestoreProgress(starts);
    private final OwnershipRebalanceListener listener = new OwnershipRebalanceListener(owned, credentials, starts,
            mock(SessionHandover.class), progress);
    private final SessionsHealthIndicator readiness = new SessionsHealthIndicator(progress);
    private final Consumer<?, ?> consumer = mock(Consumer.class);
    /** Accounts whose restore has run. */
    private final Set<AccountId> restored = ConcurrentHashMap.newKeySet();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
        restores.shutdownNow();
    }

    @Test
    void outOfServiceUntilTheFirstAssignmentsRestoresAreDoneAndAgainAfterARebalance() throws Exception {
        List<AccountId> accounts = IntStream.range(0, 40).mapToObj(i -> AccountId.of("acct-" + i)).toList();
        when(credentials.accounts()).thenReturn(accounts);
        CountDownLatch firstRestores = new CountDownLatch(1);
        holdRestores(firstRestores);

        assertThat(status()).as("before any assignment").isEqualTo(Status.OUT_OF_SERVICE);
        listener.onPartitionsAssigned(consumer, partitions(0, 1));
        Health restoring = readiness.health();
        assertThat(restoring.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(restoring.getDetails()).containsEntry("assigned", true);
        assertThat((int) restoring.getDetails().get("queued") + (int) restoring.getDetails().get("restoring")).isPositive();
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> status() == Status.OUT_OF_SERVICE);

        firstRestores.countDown();
        await().atMost(WAIT).until(() -> status() == Status.UP);
        assertThat(restored).containsExactlyInAnyOrderElementsOf(accountsOf(accounts, 0, 1));

        CountDownLatch secondRestores = new CountDownLatch(1);
        holdRestores(secondRestores);
        listener.onPartitionsAssigned(consumer, partitions(2));
        assertThat(status()).as("restoring a rebalance's partition").isEqualTo(Status.OUT_OF_SERVICE);
        secondRestores.countDown();
        await().atMost(WAIT).until(() -> status() == Status.UP);
        assertThat(restored).containsAll(accountsOf(accounts, 2));
    }

    @Test
    void anEmptyAssignmentIsReadyAndARestoreWaitingForALeaseIsNot() {
        AccountId waiting = AccountId.of("acct-lease");
        when(credentials.accounts()).thenReturn(List.of(waiting));
        AtomicInteger attempts = new AtomicInteger();
        doAnswer(call -> {
            if (attempts.incrementAndGet() == 1) {
                throw new LeaseUnavailableException(waiting, "worker-gone", Instant.now().plusMillis(500));
            }
            return null;
        }).when(sessions).restoreOwned(any(), any());

        listener.onPartitionsAssigned(consumer, List.of(new TopicPartition("wafleet.events", 0)));
        assertThat(status()).as("assigned nothing to restore").isEqualTo(Status.UP);

        listener.onPartitionsAssigned(consumer, partitions(owned.partitionOf(waiting)));
        await().atMost(WAIT).until(() -> attempts.get() == 1);
        assertThat(status()).as("waiting for the lease").isEqualTo(Status.OUT_OF_SERVICE);
        await().atMost(WAIT).until(() -> status() == Status.UP);
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aRevocationDropsTheQueuedRestoresOfItsPartitions() {
        List<AccountId> accounts = IntStream.range(0, 40).mapToObj(i -> AccountId.of("acct-" + i)).toList();
        when(credentials.accounts()).thenReturn(accounts);
        CountDownLatch held = new CountDownLatch(1);
        holdRestores(held);

        listener.onPartitionsAssigned(consumer, partitions(0, 1, 2, 3));
        await().atMost(WAIT).until(() -> starts.restoring() == 4);
        listener.onPartitionsRevokedBeforeCommit(consumer, partitions(0, 1, 2, 3));
        assertThat(starts.queued()).isZero();
        assertThat(status()).as("restores still running").isEqualTo(Status.OUT_OF_SERVICE);

        held.countDown();
        await().atMost(WAIT).until(() -> status() == Status.UP);
        assertThat(restored).hasSize(4);
    }

    private void holdRestores(CountDownLatch latch) {
        doAnswer(call -> {
            latch.await();
            restored.add(call.getArgument(0));
            return null;
        }).when(sessions).restoreOwned(any(), any());
    }

    private Status status() {
        return readiness.health().getStatus();
    }

    private List<AccountId> accountsOf(List<AccountId> accounts, Integer... partitions) {
        Set<Integer> wanted = Set.of(partitions);
        return accounts.stream().filter(account -> wanted.contains(owned.partitionOf(account))).toList();
    }

    private static List<TopicPartition> partitions(Integer... numbers) {
        return java.util.Arrays.stream(numbers).map(n -> new TopicPartition(Topics.COMMANDS, n)).toList();
    }
}
