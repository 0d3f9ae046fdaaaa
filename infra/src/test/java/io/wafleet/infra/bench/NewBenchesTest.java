package io.wafleet.infra.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The options and the arithmetic of {@code bench sends}, {@code bench commands}, {@code bench sessions} and {@code bench startup}. */
class NewBenchesTest {

    @Test
    void commandsDefaultsAndOptions() {
        assertThat(CommandsBench.Options.parse(List.of())).isEqualTo(new CommandsBench.Options(20_000, 20,
                BenchFleet.DEPLOYED_CONSUMERS, Path.of("session-worker/target/session-worker.jar"), Path.of("bench-commands.json")));
        assertThat(CommandsBench.Options.parse(List.of("--commands", "500", "--accounts", "4")).commands()).isEqualTo(500);
        assertThat(CommandsBench.Options.parse(List.of("--consumers", "2")).consumers()).isEqualTo(2);
        assertThatThrownBy(() -> CommandsBench.Options.parse(List.of("--rate", "5"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sendsRunTheWorkerAsDeployedUnlessTold() {
        assertThat(SendsBench.Options.parse(List.of()).consumers()).isEqualTo(BenchFleet.DEPLOYED_CONSUMERS);
        assertThat(SendsBench.Options.parse(List.of("--consumers", "2", "--rate", "150")).consumers()).isEqualTo(2);
        assertThat(BenchFleet.consumers(2)).containsExactly("--wafleet.kafka.concurrency=2");
        assertThatThrownBy(() -> SendsBench.Options.parse(List.of("--consumers", "0"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sessionCountsAreProbedInAscendingOrderOnce() {
        assertThat(SessionsBench.Options.parse(List.of()).sessions()).containsExactly(1_000, 10_000);
        assertThat(SessionsBench.Options.parse(List.of("--sessions", "10000,1000,1000")).sessions()).containsExactly(1_000, 10_000);
    }

    @Test
    void perSessionFiguresAreTheGrowthOverTheBaselineDividedBySessions() {
        SessionsBench.Probe baseline = new SessionsBench.Probe(0, 40 << 20, 200 << 20, Duration.ZERO);
        SessionsBench.Probe thousand = new SessionsBench.Probe(1_000, (40 << 20) + 3 * 1024 * 1000, (200 << 20) + 10 * 1024 * 1000,
                Duration.ofSeconds(30));

        assertThat(thousand.heapPerSessionKb(baseline)).isCloseTo(3.0, within(1e-9));
        assertThat(thousand.residentPerSessionKb(baseline)).isCloseTo(10.0, within(1e-9));
    }

    @Test
    void residentSetIsVmRssInBytes() {
        assertThat(HeapProbe.vmRss("Name:\tjava\nVmPeak:\t 4000 kB\nVmRSS:\t  123456 kB\nRssAnon:\t 1 kB\n")).isEqualTo(123_456L * 1024);
    }

    @Test
    void reportedStartIsTheProcessUptimeOfTheLastStartedLine() {
        List<String> log = List.of(
                "INFO  Started WebhookWorkerApplication in 2.1 seconds (process running for 3.4)",
                "INFO  Netty started on port 3000",
                "INFO  Started GatewayApplication in 1.9 seconds (process running for 5.75)");

        assertThat(StartupBench.reportedSeconds(log)).isEqualTo(5.75);
        assertThat(StartupBench.reportedSeconds(List.of("no start here"))).isNull();
        assertThat(StartupBench.Options.parse(List.of("--runs", "5")).runs()).isEqualTo(5);
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(BenchResults.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(BenchResults.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
    }
}
