package io.wafleet.common.health;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaReachabilityTest {

    @Test
    void aBrokerThatDoesNotAnswerIsDownWithinTheTimeoutAndNamesNoAddress() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (KafkaReachability kafka = new KafkaReachability(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + closedPort), "health-test",
                Duration.ofMillis(500), Duration.ofSeconds(2), Clock.systemUTC())) {
            long started = System.nanoTime();
            CachedProbe.Outcome outcome = kafka.check().join();

            assertThat(outcome.up()).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            assertThat(outcome.details().toString()).doesNotContain(String.valueOf(closedPort));
        }
    }
}
