package io.wafleet.session;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Everything the session worker reads from configuration, under {@code wafleet}.
 *
 * @param workerId  this worker's id, as the accounts' {@code owner}; blank means hostname, pid and a random suffix
 * @param connector the connector that holds sessions ({@code sandbox} is the only one so far)
 */
@Validated
@ConfigurationProperties("wafleet")
public record SessionWorkerProperties(
        String workerId,
        @DefaultValue("sandbox") @NotBlank String connector,
        @DefaultValue @Valid Kafka kafka,
        @DefaultValue @Valid Restore restore,
        @DefaultValue @Valid Sessions sessions,
        @DefaultValue @Valid Credentials credentials,
        @DefaultValue @Valid Sandbox sandbox) {

    /**
     * @param partitions        partitions of the account-keyed topics; must match every service's setting
     * @param replication       replication factor of the topics this worker declares
     * @param concurrency       consumer threads of this worker on the command topic
     * @param sessionTimeout    group session timeout: how fast a crashed worker's partitions move
     * @param heartbeatInterval group heartbeat interval, a third of the session timeout or less
     * @param retryInterval     pause between attempts at a command that failed
     * @param retryAttempts     attempts at a failing command before it is rejected and dead-lettered
     */
    public record Kafka(
            @DefaultValue("32") @Min(1) int partitions,
            @DefaultValue("1") @Min(1) short replication,
            @DefaultValue("2") @Min(1) @Max(64) int concurrency,
            @DefaultValue("6s") @NotNull Duration sessionTimeout,
            @DefaultValue("2s") @NotNull Duration heartbeatInterval,
            @DefaultValue("1s") @NotNull Duration retryInterval,
            @DefaultValue("3") @Min(1) int retryAttempts) {
    }

    /**
     * How sessions come back when partitions are assigned.
     *
     * @param startsPerSecond restores started per second at most, so a restart is not a reconnect storm
     * @param jitter          random extra delay of each start, at most this
     */
    public record Restore(@DefaultValue("50") @Min(1) int startsPerSecond,
                          @DefaultValue("200ms") @NotNull Duration jitter) {
    }

    /** @param callTimeout how long the worker waits for a connector call (login, restore, send, logout) */
    public record Sessions(@DefaultValue("15s") @NotNull Duration callTimeout) {
    }

    /**
     * The master key that encrypts stored credentials: {@code masterKey} (base64 of 32 bytes) if set,
     * else {@code dataDir/master.key}, created once.
     */
    public record Credentials(String masterKey, @DefaultValue("./data") @NotBlank String dataDir) {

        @Override
        public String toString() {
            return "Credentials[masterKey=" + (masterKey == null || masterKey.isBlank() ? "unset" : "***")
                    + ", dataDir=" + dataDir + "]";
        }
    }

    /**
     * The sandbox connector.
     *
     * @param qrDuration how long an issued QR code (or pairing code) stays valid
     * @param autoScan   complete a pending login by itself after this delay; unset (the default) waits for a scan
     * @param receipts   when the simulated recipient's receipts come back
     */
    public record Sandbox(@DefaultValue("60s") @NotNull Duration qrDuration,
                          Duration autoScan,
                          @DefaultValue @Valid Receipts receipts) {
    }

    public record Receipts(@DefaultValue("20ms") @NotNull Duration sent,
                           @DefaultValue("300ms") @NotNull Duration delivered,
                           @DefaultValue("1s") @NotNull Duration read) {
    }
}
