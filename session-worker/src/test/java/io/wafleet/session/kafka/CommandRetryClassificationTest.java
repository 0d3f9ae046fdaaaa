package io.wafleet.session.kafka;

import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

import static org.assertj.core.api.Assertions.assertThat;

/** A command that fails because MongoDB or Kafka is out of reach waits; one that fails by itself is rejected in the end. */
class CommandRetryClassificationTest {

    @Test
    void outagesOfMongoOrKafkaMakeTheCommandWait() {
        assertThat(KafkaConfiguration.waitsOnOthers(new ListenerExecutionFailedException("listener",
                new DataAccessResourceFailureException("Timed out while waiting for a server")))).isTrue();
        assertThat(KafkaConfiguration.waitsOnOthers(new RuntimeException(new TimeoutException("no broker")))).isTrue();
    }

    @Test
    void failuresOfTheCommandItselfAreNotWaitedOn() {
        assertThat(KafkaConfiguration.waitsOnOthers(new ListenerExecutionFailedException("listener",
                new IllegalArgumentException("bad phone")))).isFalse();
        assertThat(KafkaConfiguration.waitsOnOthers(new DuplicateKeyException("E11000"))).isFalse();
    }
}
