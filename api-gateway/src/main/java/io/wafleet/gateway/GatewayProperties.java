package io.wafleet.gateway;

import io.wafleet.common.crypto.MasterKeySettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Everything the gateway can be told, under the {@code wafleet} prefix.
 *
 * @param kafka   topic layout and how long a publish may take
 * @param gateway this instance's identity and how long a call waits for a session worker
 * @param sandbox whether the {@code /sandbox/...} routes exist
 * @param media   limits on media (images, files, videos, audio, stickers) sent through the API
 * @param webhook rules for per-account webhook URLs and the delivery log
 * @param retention how long message records and media are kept
 * @param limits    how fast each account may send and each API key may call
 * @param auth      the admin key; without one the API is open, which only local mode allows
 * @param credentials the master keys that seal webhook secrets ({@code wafleet.credentials.*}, as every service)
 * @param accounts  what a new account gets when its creation does not say
 */
@Validated
@ConfigurationProperties("wafleet")
public record GatewayProperties(@Valid @DefaultValue Kafka kafka, @Valid @DefaultValue Gateway gateway,
                                @DefaultValue Sandbox sandbox, @DefaultValue Media media,
                                @Valid @DefaultValue Webhook webhook, @DefaultValue Retention retention,
                                @Valid @DefaultValue Limits limits, @DefaultValue Auth auth,
                                @DefaultValue MasterKeySettings credentials, @Valid @DefaultValue Accounts accounts) {

    /**
     * @param defaultTransport the transport of an account created without {@code transport}:
     *                         {@code sandbox}, {@code linked_device} or {@code cloud_api}
     */
    public record Accounts(@DefaultValue("sandbox") @Pattern(regexp = "sandbox|linked_device|cloud_api",
            message = "must be sandbox, linked_device or cloud_api") String defaultTransport) {
    }

    /**
     * How fast one account may send through this gateway instance: {@code sendsPerAccount} sends (of any
     * kind) per {@code sendPeriod}; beyond that a send is answered 429 {@code RATE_LIMITED} with
     * {@code Retry-After}, and nothing is queued. WhatsApp bans numbers that send in bursts, so the
     * default is modest; with several gateway instances each counts its own. Each API key (the admin's
     * too, but not the open API of local mode) may make {@code requestsPerKey} calls per {@code requestPeriod}.
     */
    public record Limits(@DefaultValue("20") @Min(1) int sendsPerAccount, @DefaultValue("1s") Duration sendPeriod,
                         @DefaultValue("200") @Min(1) int requestsPerKey, @DefaultValue("1s") Duration requestPeriod) {
    }

    /**
     * @param adminKey the admin key ({@code WAFLEET_ADMIN_KEY}). When set, every call needs a key (this one,
     *                 or a tenant or account key issued through {@code POST /keys}); when blank, the API is
     *                 open, and the gateway refuses to start unless it listens on loopback outside the
     *                 {@code production} profile. Never printed.
     */
    public record Auth(String adminKey) {

        public boolean keysOn() {
            return adminKey != null && !adminKey.isBlank();
        }

        @Override
        public String toString() {
            return "Auth[adminKey=" + (keysOn() ? "***" : "(none)") + "]";
        }
    }

    /**
     * @param partitions  partitions of the account-keyed topics (bounds how many session workers share the load)
     * @param replication replication factor of the topics
     * @param sendTimeout how long Kafka may take to acknowledge a command before the call answers 503
     */
    public record Kafka(@DefaultValue("32") @Min(1) int partitions,
                        @DefaultValue("1") @Min(1) @Max(Short.MAX_VALUE) int replication,
                        @DefaultValue("5s") Duration sendTimeout) {
    }

    /**
     * @param instanceId   this instance's key on the reply topic; random per process when blank
     * @param replyTimeout how long a login-like call waits for the session worker's reply before 503
     * @param startTimeout how long start-up may wait for the reply topic's positions
     */
    public record Gateway(String instanceId, @DefaultValue("20s") Duration replyTimeout,
                          @DefaultValue("30s") Duration startTimeout) {
    }

    /** @param enabled whether the sandbox routes are served (only when the sandbox connector runs) */
    public record Sandbox(@DefaultValue("true") boolean enabled) {
    }

    /**
     * @param maxSize         the largest media accepted per kind (upload or download)
     * @param downloadTimeout how long downloading an {@code image_url} (or another kind's URL) may take
     */
    public record Media(@DefaultValue MaxSize maxSize, @DefaultValue("15s") Duration downloadTimeout) {
    }

    /**
     * The largest media of each kind a send accepts. Uploads are read into memory, so these bound a
     * request's memory too. Multipart parts are cut at {@code spring.webflux.multipart.max-disk-usage-per-part}
     * (set to the file limit), so keep the file limit the largest.
     */
    public record MaxSize(@DefaultValue("16MB") DataSize image, @DefaultValue("100MB") DataSize file,
                          @DefaultValue("64MB") DataSize video, @DefaultValue("16MB") DataSize audio,
                          @DefaultValue("1MB") DataSize sticker) {
    }

    /**
     * @param allowPrivateAddresses whether a webhook URL may point at loopback, private, link-local,
     *                              unique-local, multicast or metadata addresses (local mode: yes;
     *                              production: no, unless allowed)
     * @param resolveTimeout        how long resolving a webhook host may take before the URL is refused
     * @param redeliverBatchSize    how many records one bulk redelivery call republishes at most
     */
    public record Webhook(@DefaultValue("true") boolean allowPrivateAddresses,
                          @DefaultValue("5s") Duration resolveTimeout,
                          @DefaultValue("1000") @Min(1) @Max(10_000) int redeliverBatchSize) {
    }

    /**
     * How long sends are remembered. Keep both longer than {@code wafleet.commands} keeps its records:
     * a command replayed after its message record is gone would be sent again, and one whose media is
     * gone fails.
     *
     * @param messages      message records ({@code messages}), by creation
     * @param media         images and files stored for sends (the GridFS bucket {@code media}), by upload
     * @param pruneInterval how often the job that deletes what is older runs
     */
    public record Retention(@DefaultValue("30d") Duration messages, @DefaultValue("8d") Duration media,
                            @DefaultValue("1h") Duration pruneInterval) {
    }
}
