package io.wafleet.session.session;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wafleet.common.connector.SessionStatus;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Locale;

/**
 * The session meters of this worker (each worker is scraped on its own, so "per worker" is the scrape
 * target): the gauge {@code wafleet.sessions} by {@code state} (every {@link SessionStatus}, zero
 * included), {@code wafleet.leases.acquired} by where the lease came {@code from},
 * {@code wafleet.leases.lost}, {@code wafleet.sessions.restores} by {@code outcome} and the timer
 * {@code wafleet.messages.send} (the connector's send, by message {@code type} and {@code outcome}).
 * No account tags: a worker holds thousands of sessions.
 */
@Component
class SessionMetrics {

    /** Where an acquired lease came from; {@code TAKEOVER} is another worker's lease that had expired. */
    enum LeaseSource { NEW, FREE, OWN, TAKEOVER }

    enum RestoreOutcome { RESTORED, FAILED, NO_LOGIN }

    private final MeterRegistry registry;

    SessionMetrics(MeterRegistry registry, SessionRegistry sessions) {
        this.registry = registry;
        for (SessionStatus status : SessionStatus.values()) {
            Gauge.builder("wafleet.sessions", sessions, held -> held.count(status))
                    .description("Sessions this worker holds, by state").tag("state", status.wireName()).register(registry);
        }
        for (LeaseSource source : LeaseSource.values()) {
            leaseCounter(source);
        }
        for (RestoreOutcome outcome : RestoreOutcome.values()) {
            restoreCounter(outcome);
        }
        lostCounter();
    }

    void leaseAcquired(LeaseSource source) {
        leaseCounter(source).increment();
    }

    void leaseLost() {
        lostCounter().increment();
    }

    void restored(RestoreOutcome outcome) {
        restoreCounter(outcome).increment();
    }

    Timer.Sample startSend() {
        return Timer.start(registry);
    }

    void sent(Timer.Sample sample, String type, boolean success) {
        sample.stop(Timer.builder("wafleet.messages.send").description("Time the connector took to send a message")
                .tags("type", type, "outcome", success ? "sent" : "failed")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30)).register(registry));
    }

    private Counter leaseCounter(LeaseSource source) {
        return Counter.builder("wafleet.leases.acquired").description("Session leases taken, by where they came from")
                .tag("from", lower(source)).register(registry);
    }

    private Counter lostCounter() {
        return Counter.builder("wafleet.leases.lost").description("Leases lost before being given back").register(registry);
    }

    private Counter restoreCounter(RestoreOutcome outcome) {
        return Counter.builder("wafleet.sessions.restores").description("Sessions brought back from a stored login")
                .tag("outcome", lower(outcome)).register(registry);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
