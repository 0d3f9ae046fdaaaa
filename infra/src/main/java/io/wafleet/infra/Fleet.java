package io.wafleet.infra;

import io.wafleet.gateway.GatewayApplication;
import io.wafleet.session.SessionWorkerApplication;
import io.wafleet.webhook.WebhookWorkerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The three services of the fleet (api-gateway, one session worker, one webhook worker) as separate
 * Spring application contexts in this JVM, against the given Kafka and MongoDB. Each context reads
 * only its own configuration file, as it does when run from its own jar.
 */
public final class Fleet implements AutoCloseable {

    private final List<ConfigurableApplicationContext> contexts;
    private final int gatewayPort;

    private Fleet(List<ConfigurableApplicationContext> contexts, int gatewayPort) {
        this.contexts = contexts;
        this.gatewayPort = gatewayPort;
    }

    /**
     * Starts the workers first, then the gateway, so the first request finds a worker. {@code extraArgs}
     * are passed to every service (for instance {@code --wafleet.sandbox.auto-scan=2s}).
     */
    public static Fleet start(String kafkaBootstrapServers, String mongoUri, Path dataDir, int gatewayPort, String... extraArgs) {
        List<String> common = new ArrayList<>(List.of(
                "--spring.kafka.bootstrap-servers=" + kafkaBootstrapServers,
                "--spring.mongodb.uri=" + mongoUri,
                "--wafleet.credentials.data-dir=" + dataDir.toAbsolutePath(),
                "--spring.main.banner-mode=off"));
        common.addAll(List.of(extraArgs));
        List<ConfigurableApplicationContext> contexts = new ArrayList<>();
        try {
            contexts.add(run(SessionWorkerApplication.class, "session-worker", common, "--server.port=0"));
            contexts.add(run(WebhookWorkerApplication.class, "webhook-worker", common, "--server.port=0"));
            contexts.add(run(GatewayApplication.class, "api-gateway", common, "--server.port=" + gatewayPort));
        } catch (RuntimeException e) {
            contexts.reversed().forEach(ConfigurableApplicationContext::close);
            throw e;
        }
        int port = contexts.getLast().getEnvironment().getProperty("local.server.port", Integer.class, gatewayPort);
        return new Fleet(contexts, port);
    }

    private static ConfigurableApplicationContext run(Class<?> application, String name, List<String> common, String... own) {
        List<String> args = new ArrayList<>(common);
        args.add("--spring.config.name=" + name);
        args.addAll(List.of(own));
        return new SpringApplicationBuilder(application).run(args.toArray(String[]::new));
    }

    public int gatewayPort() {
        return gatewayPort;
    }

    /** Stops the gateway first, then the workers, so no request arrives at a fleet without workers. */
    @Override
    public void close() {
        contexts.reversed().forEach(ConfigurableApplicationContext::close);
    }
}
