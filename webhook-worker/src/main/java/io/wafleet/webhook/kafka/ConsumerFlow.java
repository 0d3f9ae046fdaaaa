package io.wafleet.webhook.kafka;

import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one consumer (one container thread) has in flight: its window, the offsets of each of its
 * partitions, and the partitions it rewound to a record not yet due. The rewind marks are touched by
 * the consumer's own thread only; offsets and window also by the threads that finish deliveries.
 */
final class ConsumerFlow {

    private final MessageListenerContainer container;
    private final InFlightWindow window;
    private final Map<TopicPartition, PartitionOffsets> offsets = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> rewoundTo = new HashMap<>();

    /** @param container the container of this one consumer, whose pause and resume take no lock */
    ConsumerFlow(MessageListenerContainer container, int maxInFlight) {
        this.container = container;
        this.window = new InFlightWindow(maxInFlight, container::pause, container::resume);
    }

    MessageListenerContainer container() {
        return container;
    }

    InFlightWindow window() {
        return window;
    }

    PartitionOffsets offsets(TopicPartition partition) {
        return offsets.computeIfAbsent(partition, p -> new PartitionOffsets());
    }

    /** Notes that the partition was sought back to {@code offset}: what the last poll returned beyond it comes again. */
    void rewound(TopicPartition partition, long offset) {
        rewoundTo.put(partition, offset);
    }

    /**
     * Whether the record is one the consumer was rewound over, to skip now and see again. The record
     * the partition was rewound to, coming again, clears the mark.
     */
    boolean isBeyondRewind(TopicPartition partition, long offset) {
        Long rewound = rewoundTo.get(partition);
        if (rewound == null || offset < rewound) {
            return false;
        }
        if (offset == rewound) {
            rewoundTo.remove(partition);
            return false;
        }
        return true;
    }

    void revoked(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            PartitionOffsets revoked = offsets.remove(partition);
            if (revoked != null) {
                revoked.revoke();
            }
            rewoundTo.remove(partition);
        }
    }
}
