package io.wafleet.webhook.kafka;

import org.springframework.kafka.support.Acknowledgment;

import java.util.Map;
import java.util.TreeMap;

/**
 * The records of one partition whose delivery has started, so that the committed offset never passes
 * a delivery that is not finished. Deliveries finish in any order; each time the oldest ones are all
 * finished, the last of them is acknowledged, which commits everything before it. Acknowledgments of
 * one partition are thus made in offset order, as the container's {@code MANUAL} ack mode expects.
 * Once the partition is revoked, nothing more is acknowledged: its new owner starts again from the
 * last commit (at-least-once; receivers dedupe on the event id).
 */
final class PartitionOffsets {

    private static final class Delivery {
        private final Acknowledgment ack;
        private boolean finished;

        private Delivery(Acknowledgment ack) {
            this.ack = ack;
        }
    }

    private final TreeMap<Long, Delivery> started = new TreeMap<>();
    private boolean revoked;

    synchronized void started(long offset, Acknowledgment ack) {
        if (!revoked) {
            started.put(offset, new Delivery(ack));
        }
    }

    synchronized void finished(long offset) {
        Delivery delivery = started.get(offset);
        if (delivery == null) {
            return;
        }
        delivery.finished = true;
        Acknowledgment committable = null;
        while (!started.isEmpty() && started.firstEntry().getValue().finished) {
            committable = started.pollFirstEntry().getValue().ack;
        }
        if (committable != null) {
            committable.acknowledge();
        }
    }

    synchronized void revoke() {
        revoked = true;
        started.clear();
    }

    /** The offset the partition could be committed to now: its oldest unfinished delivery, or null when none is. */
    synchronized Long oldestUnfinished() {
        return started.entrySet().stream().filter(entry -> !entry.getValue().finished)
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }
}
