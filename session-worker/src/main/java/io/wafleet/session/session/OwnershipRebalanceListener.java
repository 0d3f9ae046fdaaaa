package io.wafleet.session.session;

import io.wafleet.common.AccountId;
import io.wafleet.common.Topics;
import io.wafleet.session.credentials.CredentialStore;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Ownership follows the command partitions. Assigned: the logged-in accounts of those partitions are
 * queued for restore. Revoked or lost: their pending restores are dropped and their sessions handed
 * over (closed without logging out, leases given back, {@code owner} cleared) before the offsets are
 * committed, so the next owner finds them free. A graceful stop revokes every partition as the
 * consumers leave the group, so survivors take over at once. Every assignment, even an empty one, is
 * reported to {@link RestoreProgress}, which readiness follows.
 */
@Component
class OwnershipRebalanceListener implements ConsumerAwareRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(OwnershipRebalanceListener.class);

    private final OwnedPartitions owned;
    private final CredentialStore credentials;
    private final StartQueue starts;
    private final SessionHandover handover;
    private final RestoreProgress progress;

    OwnershipRebalanceListener(OwnedPartitions owned, CredentialStore credentials, StartQueue starts,
                               SessionHandover handover, RestoreProgress progress) {
        this.owned = owned;
        this.credentials = credentials;
        this.starts = starts;
        this.handover = handover;
        this.progress = progress;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        progress.assignmentStarted();
        try {
            queueRestores(partitions);
        } finally {
            progress.assignmentFinished();
        }
    }

    private void queueRestores(Collection<TopicPartition> partitions) {
        Set<Integer> assigned = commandPartitions(partitions);
        if (assigned.isEmpty()) {
            return;
        }
        owned.add(assigned);
        int queued = 0;
        for (AccountId account : credentials.accounts()) {
            if (assigned.contains(owned.partitionOf(account))) {
                starts.enqueue(account);
                queued++;
            }
        }
        log.info("Assigned command partitions {}: {} sessions to restore", assigned, queued);
    }

    @Override
    public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        release(partitions, "Revoked");
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        release(partitions, "Lost");
    }

    private void release(Collection<TopicPartition> partitions, String how) {
        Set<Integer> revoked = commandPartitions(partitions);
        if (revoked.isEmpty()) {
            return;
        }
        owned.remove(revoked);
        starts.cancel(account -> revoked.contains(owned.partitionOf(account)));
        handover.release(account -> revoked.contains(owned.partitionOf(account)));
        log.info("{} command partitions {}: their sessions are closed", how, revoked);
    }

    private static Set<Integer> commandPartitions(Collection<TopicPartition> partitions) {
        return partitions.stream().filter(partition -> Topics.COMMANDS.equals(partition.topic()))
                .map(TopicPartition::partition).collect(Collectors.toSet());
    }
}
