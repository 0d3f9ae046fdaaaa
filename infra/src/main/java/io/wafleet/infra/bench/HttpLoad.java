package io.wafleet.infra.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * The send benchmark's load generator: JSON POSTs from the JDK's HTTP client on virtual threads, either
 * closed (a fixed number of requests in flight, as fast as answered: the throughput) or open (one
 * request every {@code 1/rate} seconds whatever the answers: latency without coordinated omission).
 */
final class HttpLoad {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** Answers other than 2xx by status (0: no answer), for the report. */
    private final Map<Integer, AtomicLong> refusals = new ConcurrentSkipListMap<>();

    /** Answers counted by a closed run. */
    record Counts(long ok, long failed, Duration elapsed) {

        double perSecond() {
            return ok / (elapsed.toNanos() / 1e9);
        }
    }

    /** {@code inFlight} requests at a time to {@code url} for {@code duration}; the i-th body is {@code body.apply(i)}. */
    Counts closed(URI url, IntFunction<String> body, int inFlight, Duration duration) throws InterruptedException {
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong sequence = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Thread> loops = new ArrayList<>();
        for (int i = 0; i < inFlight; i++) {
            loops.add(Thread.startVirtualThread(() -> {
                while (System.nanoTime() < end) {
                    (post(url, body.apply((int) sequence.incrementAndGet())) ? ok : failed).incrementAndGet();
                }
            }));
        }
        for (Thread loop : loops) {
            loop.join();
        }
        return new Counts(ok.get(), failed.get(), Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * {@code count} requests at {@code rate} per second; answers when each was due (nanoTime), by its
     * number, so that the time something arrives can be measured from when the request was due.
     */
    long[] open(URI url, IntFunction<String> body, int rate, int count, AtomicLong failed) throws InterruptedException {
        long[] due = new long[count];
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime() + 10_000_000L;
        ConcurrentHashMap.KeySetView<Thread, Boolean> running = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < count; i++) {
            due[i] = start + i * period;
            long wait = due[i] - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int n = i;
            running.add(Thread.startVirtualThread(() -> {
                if (!post(url, body.apply(n))) {
                    failed.incrementAndGet();
                }
                running.remove(Thread.currentThread());
            }));
        }
        for (Thread thread : List.copyOf(running)) {
            thread.join();
        }
        return due;
    }

    /** The refusals so far by status, then forgotten. */
    Map<Integer, Long> takeRefusals() {
        Map<Integer, Long> taken = new TreeMap<>();
        refusals.forEach((status, count) -> taken.put(status, count.getAndSet(0)));
        taken.values().removeIf(count -> count == 0);
        return taken;
    }

    private void refused(int status) {
        refusals.computeIfAbsent(status, any -> new AtomicLong()).incrementAndGet();
    }

    private boolean post(URI url, String json) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                return true;
            }
            refused(response.statusCode());
            return false;
        } catch (IOException e) {
            refused(0);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
