package io.wafleet.common.health;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Whether the Kafka cluster answers: a {@code describeCluster} with a short timeout, through one admin
 * client kept for the service's life, and {@linkplain CachedProbe cached} so frequent probes cost one
 * request per {@code ttl}. Up when the cluster names at least one broker; the details are the broker
 * count only (no addresses).
 */
public final class KafkaReachability implements AutoCloseable {

    private final Admin admin;
    private final CachedProbe probe;

    /**
     * {@code adminConfig}: the service's admin client settings (bootstrap servers, security);
     * {@code clientId}: this client's name in the broker's logs and metrics.
     */
    public KafkaReachability(Map<String, Object> adminConfig, String clientId, Duration timeout, Duration ttl, Clock clock) {
        Map<String, Object> config = new HashMap<>(adminConfig);
        int millis = (int) timeout.toMillis();
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        this.admin = Admin.create(config);
        DescribeClusterOptions options = new DescribeClusterOptions().timeoutMs(millis);
        this.probe = new CachedProbe(() -> admin.describeCluster(options).nodes().toCompletionStage()
                .thenApply(nodes -> {
                    if (nodes.isEmpty()) {
                        throw new IllegalStateException("no brokers");
                    }
                    return Map.<String, Object>of("brokers", nodes.size());
                }), timeout, ttl, clock);
    }

    public KafkaReachability(Map<String, Object> adminConfig, String clientId) {
        this(adminConfig, clientId, CachedProbe.DEFAULT_TIMEOUT, CachedProbe.DEFAULT_TTL, Clock.systemUTC());
    }

    public CompletableFuture<CachedProbe.Outcome> check() {
        return probe.check();
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(1));
    }
}
