package io.wafleet.webhook;

import io.wafleet.common.event.Event;
import io.wafleet.webhook.Receiver.Answer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import static io.wafleet.webhook.Fixture.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One account's endpoint hangs; another account's events, on the same partition, keep their
 * latency. B's latency is compared with a baseline measured in the same run, so the bound holds on
 * a loaded machine (after a warm-up, so the baseline is not the cold path); the hard cap sits well below the first-attempt timeout, so a worker that made B
 * wait for A's requests to time out fails the test.
 */
class AccountIsolationIT extends WebhookWorkerITSupport {

    private static final Logger log = LoggerFactory.getLogger(AccountIsolationIT.class);
    private static final int STEADY_EVENTS = 30;
    private static final int HANGING_EVENTS = 10;
    private static final Duration HARD_CAP = Duration.ofMillis(2_500);

    @Test
    void aHangingEndpointDoesNotSlowAnotherAccountOnTheSamePartition() throws IOException {
        String hanging = "it-hanging";
        String steady = Fixture.accountOnPartitionOf(hanging, PARTITIONS);
        CountDownLatch release = new CountDownLatch(1);
        try (Receiver stuck = new Receiver((n, request) -> {
                 release.await();
                 return Answer.of(200);
             });
             Receiver steadyReceiver = Receiver.ok()) {
            fleet.webhook(hanging, stuck.url(), "hanging-secret", new Document("max_attempts", 1));
            fleet.webhook(steady, steadyReceiver.url(), "steady-secret");
            latencies(steadyReceiver, burst(steady, 10));
            long baseline = p99(latencies(steadyReceiver, burst(steady, STEADY_EVENTS)));

            List<Event> stuckEvents = IntStream.range(0, HANGING_EVENTS).mapToObj(i -> event(hanging)).toList();
            stuckEvents.forEach(fleet::publish);
            await().atMost(PATIENCE).until(() -> stuck.requests().size() == HANGING_EVENTS);
            long firstHangingRequest = stuck.requests().getFirst().arrivedNanos();
            Map<Event, Long> sent = burst(steady, STEADY_EVENTS);
            List<Long> loadedLatencies = latencies(steadyReceiver, sent);

            // The hanging attempts are still open: none timed out (and got recorded) before B was through.
            assertThat(stuckEvents).allSatisfy(event -> assertThat(fleet.delivery(event)).isNull());
            assertThat(stuck.answered()).isZero();
            long lastSteadyArrival = sent.keySet().stream().mapToLong(e -> steadyReceiver.received(e).arrivedNanos()).max().orElseThrow();
            assertThat(Duration.ofNanos(lastSteadyArrival - firstHangingRequest))
                    .isLessThan(Duration.parse("PT" + FIRST_ATTEMPT_TIMEOUT));
            long loaded = p99(loadedLatencies);
            long bound = Math.min(Math.max(3 * baseline, baseline + 300), HARD_CAP.toMillis());
            log.info("B's p99: {} ms alone, {} ms with A hanging (bound {} ms)", baseline, loaded, bound);
            assertThat(loaded).as("p99 of B with A hanging (baseline p99 %d ms)", baseline).isLessThanOrEqualTo(bound);
        } finally {
            release.countDown();
        }
    }

    /** Publishes the account's events one after the other; emits each with the time it was sent. */
    private Map<Event, Long> burst(String account, int events) {
        Map<Event, Long> sent = new LinkedHashMap<>();
        for (int i = 0; i < events; i++) {
            Event event = event(account);
            sent.put(event, System.nanoTime());
            fleet.publish(event);
        }
        return sent;
    }

    /** Waits for every event and tells how long each took from publishing to arrival, in milliseconds. */
    private static List<Long> latencies(Receiver receiver, Map<Event, Long> sent) {
        await().atMost(PATIENCE).until(() -> sent.keySet().stream().allMatch(event -> receiver.received(event) != null));
        return sent.entrySet().stream()
                .map(entry -> Duration.ofNanos(receiver.received(entry.getKey()).arrivedNanos() - entry.getValue()).toMillis())
                .toList();
    }

    private static long p99(List<Long> latencies) {
        List<Long> sorted = latencies.stream().sorted().toList();
        return sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
    }
}
