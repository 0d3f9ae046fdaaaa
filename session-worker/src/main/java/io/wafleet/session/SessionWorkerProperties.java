package io.wafleet.session;

import io.wafleet.common.crypto.MasterKeySettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;

/**
 * Everything the session worker reads from configuration, under {@code wafleet}.
 *
 * @param workerId  this worker's id, as the accounts' {@code owner}; blank means hostname, pid and a random suffix
 * @param connector whether the sandbox connector runs ({@code sandbox}, the default); the Cloud API connector
 *                  always runs, each account's session held by the connector of its transport
 * @param cloudApi  how the Cloud API connector reaches Meta's Graph API
 * @param credentials the master keys that seal stored credentials ({@code wafleet.credentials.*}, as every service)
 */
@Validated
@ConfigurationProperties("wafleet")
public record SessionWorkerProperties(
        String workerId,
        @DefaultValue("sandbox") @NotBlank String connector,
        @DefaultValue @Valid Kafka kafka,
        @DefaultValue @Valid Restore restore,
        @DefaultValue @Valid Sessions sessions,
        @DefaultValue @Valid Leases leases,
        @DefaultValue MasterKeySettings credentials,
        @DefaultValue @Valid Sandbox sandbox,
        @DefaultValue @Valid CloudApi cloudApi) {

    public SessionWorkerProperties {
        if (sandbox != null && leases != null) {
            sandbox = sandbox.resolvedAgainst(leases);
        }
        // a crashed or paused worker's connections must look dead to the sandbox network before its
        // leases can be taken, or a survivor's restore would be counted as a conflict
        if (sandbox != null && leases != null
                && sandbox.connectionTimeout().compareTo(leases.duration().minus(leases.renewInterval())) > 0) {
            throw new IllegalArgumentException("wafleet.sandbox.connection-timeout (" + sandbox.connectionTimeout()
                    + ") must not exceed wafleet.leases.duration minus wafleet.leases.renew-interval ("
                    + leases.duration().minus(leases.renewInterval()) + ")");
        }
    }

    /**
     * @param partitions        partitions of the account-keyed topics; must match every service's setting
     * @param replication       replication factor of the topics this worker declares
     * @param concurrency       consumer threads of this worker on the command topic ({@value #DEFAULT_CONCURRENCY}
     *                          by default). Commands of different partitions are handled side by side, and a
     *                          command mostly waits for MongoDB and Kafka, so more threads than cores raise
     *                          what one worker handles (README, "Send path benchmarks": 4 and 8 lowered the
     *                          latency at 100 sends/s several times over). But partitions are shared out per
     *                          consumer, not per worker: a worker may get up to one partition per thread
     *                          more than its share (8 threads gave one of three workers half of 32), so a
     *                          crash moves more accounts, and with 4 a graceful hand-over took 3.3-3.6 s
     *                          instead of under 3 s
     * @param sessionTimeout    group session timeout (classic protocol): how fast a crashed worker's partitions
     *                          move. Shorter detects crashes sooner but evicts a worker that misses heartbeats
     *                          for that long (long GC pause, overloaded host); a graceful stop leaves the group
     *                          at once whatever the value
     * @param heartbeatInterval group heartbeat interval, a third of the session timeout or less; it is also how
     *                          soon a member learns of a rebalance, so a short one lets survivors take a
     *                          stopping worker's partitions sooner
     * @param retryInterval     pause between attempts at a command that failed; a command waiting for the
     *                          account's lease (held by a worker that has not let go yet) is retried at this
     *                          pace without limit, so it runs once the lease is free and is never dropped
     * @param retryAttempts     attempts at a failing command before it is rejected and dead-lettered
     */
    public record Kafka(
            @DefaultValue("32") @Min(1) int partitions,
            @DefaultValue("1") @Min(1) short replication,
            @DefaultValue(Kafka.DEFAULT_CONCURRENCY) @Min(1) @Max(64) int concurrency,
            @DefaultValue("6s") @NotNull Duration sessionTimeout,
            @DefaultValue("250ms") @NotNull Duration heartbeatInterval,
            @DefaultValue("1s") @NotNull Duration retryInterval,
            @DefaultValue("3") @Min(1) int retryAttempts) {

        public static final String DEFAULT_CONCURRENCY = "2";
    }

    /**
     * How sessions come back when partitions are assigned: a token bucket. After a quiet spell up to
     * {@code burst} restores start at once (spread over the jitter); beyond that, {@code startsPerSecond}.
     * A worker never starts more than {@code burst} sessions in a jitter window nor, over any longer span,
     * more than {@code burst + startsPerSecond} per second: the 1,000 sessions of a restarted worker
     * take 17 s; the 170 each of two survivors takes over from a stopping worker, under 1 s.
     *
     * @param startsPerSecond restores started per second at most, once the burst is spent, so a restart is
     *                        not a reconnect storm
     * @param burst           restores that may start together after a quiet spell
     * @param jitter          random extra delay of each start, at most this
     * @param reconcileInterval how often the worker looks for accounts of its partitions that should be
     *                        live (logged in by their record) but have no session here nor a restore on
     *                        the way, and queues them: no account stays stranded by a missed hand-over
     */
    public record Restore(@DefaultValue("50") @Min(1) int startsPerSecond,
                          @DefaultValue("150") @Min(1) int burst,
                          @DefaultValue("200ms") @NotNull Duration jitter,
                          @DefaultValue("20s") @NotNull Duration reconcileInterval) {
    }

    /**
     * @param callTimeout how long the worker waits for a connector call (login, restore, send, logout)
     * @param reconnect   how a dropped connection is retried from the stored login
     */
    public record Sessions(@DefaultValue("15s") @NotNull Duration callTimeout,
                           @DefaultValue @Valid Reconnect reconnect) {
    }

    /**
     * Exponential backoff between reconnect attempts of a session whose connection dropped; after
     * {@code maxAttempts} failed attempts the account is left {@code failed} (its login kept).
     */
    public record Reconnect(@DefaultValue("500ms") @NotNull Duration initialInterval,
                            @DefaultValue("2.0") @DecimalMin("1.0") double multiplier,
                            @DefaultValue("30s") @NotNull Duration maxInterval,
                            @DefaultValue("200ms") @NotNull Duration jitter,
                            @DefaultValue("10") @Min(1) int maxAttempts) {
    }

    /**
     * Fenced session leases in MongoDB ({@code session_leases}): a worker runs an account's session only
     * while it holds the account's lease, renewed in bulk every {@code renewInterval}.
     *
     * <p>The trade-off: {@code duration} is how long a crashed or paused worker's accounts wait before a
     * survivor may take them, so it bounds crash failover from below (with the Kafka session timeout);
     * shorter is faster but makes a worker that stalls (GC pause, slow or unreachable MongoDB) for longer
     * than {@code duration - safetyMargin} give up its sessions. A session is closed once
     * {@code duration - safetyMargin} has passed since the start of its last successful renewal, so it
     * always stops before its lease can expire for anyone else; the margin covers clock skew between
     * workers (expiry is compared in MongoDB with the writer's clock) and the time a close takes. With the
     * defaults a worker survives two failed renewals in a row (it gives its sessions up after 4 s without
     * one), and a crashed worker's accounts are free 5-6 s after the crash, before the group (6 s session
     * timeout) has moved its partitions.
     *
     * @param duration      how long a lease stays valid without renewal
     * @param renewInterval how often all of this worker's leases are extended (one update per interval)
     * @param safetyMargin  how long before a lease could expire its session is closed, without a renewal
     */
    public record Leases(@DefaultValue("6s") @NotNull Duration duration,
                         @DefaultValue("1s") @NotNull Duration renewInterval,
                         @DefaultValue("2s") @NotNull Duration safetyMargin) {

        public Leases {
            if (duration != null && renewInterval != null && safetyMargin != null
                    && renewInterval.compareTo(duration.minus(safetyMargin)) >= 0) {
                throw new IllegalArgumentException("wafleet.leases.renew-interval (" + renewInterval
                        + ") must be shorter than duration minus safety-margin (" + duration.minus(safetyMargin) + ")");
            }
        }

        /** How often held leases are checked against their local deadline: a quarter of the slack, at least 50 ms. */
        public Duration checkInterval() {
            Duration quarter = safetyMargin.compareTo(renewInterval) < 0 ? safetyMargin.dividedBy(4) : renewInterval.dividedBy(4);
            return quarter.compareTo(Duration.ofMillis(50)) < 0 ? Duration.ofMillis(50) : quarter;
        }
    }

    /**
     * The sandbox connector.
     *
     * @param qrDuration        how long an issued QR code (or pairing code) stays valid
     * @param autoScan          complete a pending login by itself after this delay; unset (the default) waits for a scan
     * @param receipts          when the simulated recipient's receipts come back
     * @param keepaliveInterval how often this worker's live connections tell the shared network they are alive,
     *                          and learn whether another connection replaced them; unset: the lease renew interval
     * @param connectionTimeout a connection not heard of for this long is dead to the network: replacing it is
     *                          no conflict. At most the lease duration minus the renew interval, so that a crashed
     *                          or paused worker's connections are dead before its leases can be taken over; unset:
     *                          the lease duration minus one and a half renew intervals (4.5 s by default)
     * @param messages          how long the network remembers the messages it carried
     */
    public record Sandbox(@DefaultValue("60s") @NotNull Duration qrDuration,
                          Duration autoScan,
                          @DefaultValue @Valid Receipts receipts,
                          Duration keepaliveInterval,
                          Duration connectionTimeout,
                          @DefaultValue @Valid Messages messages) {

        /** These settings with the keepalive defaults derived from the lease settings. */
        Sandbox resolvedAgainst(Leases leases) {
            Duration keepalive = keepaliveInterval != null ? keepaliveInterval : leases.renewInterval();
            Duration timeout = connectionTimeout != null ? connectionTimeout
                    : leases.duration().minus(leases.renewInterval().multipliedBy(3).dividedBy(2));
            return new Sandbox(qrDuration, autoScan, receipts, keepalive, timeout, messages);
        }
    }

    /**
     * The sandbox network's memory of the messages it carried (MongoDB {@code sandbox_messages}), which
     * reactions, revokes, edits, reads and forwards act on: a message is forgotten {@code retention} after
     * it was sent (acting on it then fails {@code not_found}), so the memory stays bounded; forgotten
     * messages are deleted every {@code pruneInterval} (a real MongoDB also expires them by a TTL index).
     */
    public record Messages(@DefaultValue("7d") @NotNull Duration retention,
                           @DefaultValue("10m") @NotNull Duration pruneInterval) {
    }

    /**
     * When the receipts of a send come back. A recipient that is another sandbox account of the fleet
     * sends its {@code read} receipt itself, when it marks the message read ({@code message.read}); only
     * simulated outside contacts read after {@code read}.
     */
    public record Receipts(@DefaultValue("20ms") @NotNull Duration sent,
                           @DefaultValue("300ms") @NotNull Duration delivered,
                           @DefaultValue("1s") @NotNull Duration read) {
    }

    /**
     * The Cloud API connector's way to Meta's Graph API.
     *
     * @param graphUrl   the Graph API's base URL (a local stand-in in tests)
     * @param apiVersion the Graph API version in every path ({@code v21.0})
     * @param timeout    how long one Graph API call may take
     */
    public record CloudApi(@DefaultValue("https://graph.facebook.com") @NotNull URI graphUrl,
                           @DefaultValue("v21.0") @NotBlank String apiVersion,
                           @DefaultValue("10s") @NotNull Duration timeout) {
    }
}
