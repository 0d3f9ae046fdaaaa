package io.wafleet.webhook.kafka;

import io.wafleet.common.Topics;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RetryTopicsTest {

    private static final List<Duration> FLOORS = List.of(Duration.ZERO, Duration.ofSeconds(10), Duration.ofMinutes(2));

    @Test
    void aWaitGoesToTheLastTierWhoseFloorItReaches() {
        assertThat(RetryTopics.tierFor(FLOORS, Duration.ofMillis(100))).isEqualTo(Topics.EVENTS_RETRY_1);
        assertThat(RetryTopics.tierFor(FLOORS, Duration.ofMillis(9_999))).isEqualTo(Topics.EVENTS_RETRY_1);
        assertThat(RetryTopics.tierFor(FLOORS, Duration.ofSeconds(10))).isEqualTo(Topics.EVENTS_RETRY_2);
        assertThat(RetryTopics.tierFor(FLOORS, Duration.ofSeconds(119))).isEqualTo(Topics.EVENTS_RETRY_2);
        assertThat(RetryTopics.tierFor(FLOORS, Duration.ofMinutes(2))).isEqualTo(Topics.EVENTS_RETRY_3);
        assertThat(RetryTopics.tierFor(FLOORS, Duration.ofHours(1))).isEqualTo(Topics.EVENTS_RETRY_3);
    }

    @Test
    void headersCarryTheAttemptAndTheDueTime() {
        RecordHeaders headers = new RecordHeaders();
        assertThat(RetryHeaders.attempt(headers)).isEqualTo(1);
        assertThat(RetryHeaders.dueAt(headers)).isEqualTo(Instant.EPOCH);

        RetryHeaders.put(headers, RetryHeaders.ATTEMPT, 3);
        RetryHeaders.put(headers, RetryHeaders.ATTEMPT, 4);
        RetryHeaders.put(headers, RetryHeaders.DUE_AT, 1_790_000_000_123L);
        assertThat(RetryHeaders.attempt(headers)).isEqualTo(4);
        assertThat(RetryHeaders.dueAt(headers)).isEqualTo(Instant.ofEpochMilli(1_790_000_000_123L));

        headers.add(RetryHeaders.ATTEMPT, "x".getBytes(StandardCharsets.US_ASCII));
        assertThat(RetryHeaders.attempt(headers)).isEqualTo(1);
    }
}
