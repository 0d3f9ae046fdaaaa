package io.wafleet.webhook.kafka;

import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.Acknowledgment;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionOffsetsTest {

    private final List<Long> acknowledged = new ArrayList<>();
    private final PartitionOffsets offsets = new PartitionOffsets();

    @Test
    void commitsOnlyUpToTheOldestUnfinishedDelivery() {
        start(10, 11, 12, 13);

        offsets.finished(11);
        offsets.finished(13);
        assertThat(acknowledged).isEmpty();
        assertThat(offsets.oldestUnfinished()).isEqualTo(10);

        offsets.finished(10);
        assertThat(acknowledged).containsExactly(11L);
        assertThat(offsets.oldestUnfinished()).isEqualTo(12);

        offsets.finished(12);
        assertThat(acknowledged).containsExactly(11L, 13L);
        assertThat(offsets.oldestUnfinished()).isNull();
    }

    @Test
    void aDeliveryFinishedInOrderIsAcknowledgedAtOnce() {
        start(5);
        offsets.finished(5);
        start(6);
        offsets.finished(6);

        assertThat(acknowledged).containsExactly(5L, 6L);
    }

    @Test
    void nothingIsAcknowledgedOnceThePartitionIsRevoked() {
        start(1, 2);
        offsets.revoke();
        offsets.finished(1);
        offsets.finished(2);
        start(3);
        offsets.finished(3);

        assertThat(acknowledged).isEmpty();
    }

    private void start(long... started) {
        for (long offset : started) {
            Acknowledgment ack = () -> acknowledged.add(offset);
            offsets.started(offset, ack);
        }
    }
}
