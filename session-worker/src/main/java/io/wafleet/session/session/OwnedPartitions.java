package io.wafleet.session.session;

import io.wafleet.common.AccountId;
import io.wafleet.common.Topics;
import io.wafleet.session.SessionWorkerProperties;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The command partitions this worker is assigned (across its consumer threads), and so the accounts it owns. */
@Component
class OwnedPartitions {

    private final Set<Integer> partitions = ConcurrentHashMap.newKeySet();
    private final int partitionCount;

    OwnedPartitions(SessionWorkerProperties properties) {
        this.partitionCount = properties.kafka().partitions();
    }

    int partitionOf(AccountId account) {
        return Topics.partitionOf(account, partitionCount);
    }

    boolean owns(AccountId account) {
        return partitions.contains(partitionOf(account));
    }

    void add(Collection<Integer> assigned) {
        partitions.addAll(assigned);
    }

    void remove(Collection<Integer> revoked) {
        partitions.removeAll(revoked);
    }
}
