package io.wafleet.infra;

import io.wafleet.gateway.GatewayApplication;
import io.wafleet.session.SessionWorkerApplication;
import io.wafleet.webhook.WebhookWorkerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The services of the fleet (api-gateway, a webhook worker and, unless left out, one session worker)
 * as separate Spring application contexts in this JVM, against the given Kafka and MongoDB. Each
 * context reads only its own configuration file, as it does when run from its own jar, and has Reactor
 * Netty resources of its own, so closing one leaves the others running.
 */
public final class Fleet implements AutoCloseable {

    private final List<ConfigurableApplicationContext> contexts;
    private final int gatewayPort;
    private final Map<String, Integer> ports;

    private Fleet(List<ConfigurableApplicationContext> contexts, int gatewayPort) {
        this.contexts = contexts;
        this.gatewayPort = gatewayPort;
        this.ports = new LinkedHashMap<>();
        contexts.forEach(context -> ports.put(context.getEnvironment().getProperty("spring.application.name"),
                context.getEnvironment().getProperty("local.server.port", Integer.class)));
    }

    /**
     * The whole fleet, session worker included. {@code extraArgs} are passed to every service (for
     * instance {@code --wafleet.sandbox.auto-scan=2s}).
     */
    public static Fleet start(String kafkaBootstrapServers, String mongoUri, Path dataDir, int gatewayPort, String... extraArgs) {
        return on(kafkaBootstrapServers, mongoUri, dataDir).gatewayPort(gatewayPort).args(extraArgs).start();
    }

    /** A fleet to configure before it starts, for instance without its session worker. */
    public static Builder on(String kafkaBootstrapServers, String mongoUri, Path dataDir) {
        return new Builder(kafkaBootstrapServers, mongoUri, dataDir);
    }

    public int gatewayPort() {
        return gatewayPort;
    }

    /** The HTTP port of each service of this fleet, by name ({@code api-gateway}, {@code webhook-worker}, {@code session-worker}). */
    public Map<String, Integer> ports() {
        return Map.copyOf(ports);
    }

    /**
     * The HTTP port of a service of this fleet, by its {@code spring.application.name}
     * ({@code api-gateway}, {@code session-worker}, {@code webhook-worker}): its actuator
     * ({@code /actuator/health}, {@code /actuator/prometheus}) is served there.
     */
    public int port(String service) {
        Integer port = ports.get(service);
        if (port == null) {
            throw new IllegalArgumentException("no " + service + " in this fleet: " + ports.keySet());
        }
        return port;
    }

    /** Stops the gateway first, then the workers, so no request arrives at a fleet without workers. */
    @Override
    public void close() {
        contexts.reversed().forEach(ConfigurableApplicationContext::close);
    }

    /** What to start: the gateway's port, whether a session worker runs in this JVM, and arguments for every service. */
    public static final class Builder {

        private final List<String> common;
        private int gatewayPort = 3000;
        private boolean sessionWorker = true;

        private Builder(String kafkaBootstrapServers, String mongoUri, Path dataDir) {
            common = new ArrayList<>(List.of(
                    "--spring.kafka.bootstrap-servers=" + kafkaBootstrapServers,
                    "--spring.mongodb.uri=" + mongoUri,
                    "--wafleet.credentials.data-dir=" + dataDir.toAbsolutePath(),
                    "--spring.main.banner-mode=off"));
        }

        /** 0 picks a free port ({@link Fleet#gatewayPort()} tells which). */
        public Builder gatewayPort(int port) {
            gatewayPort = port;
            return this;
        }

        /** Session workers run elsewhere (their own processes): only the gateway and a webhook worker start here. */
        public Builder withoutSessionWorker() {
            sessionWorker = false;
            return this;
        }

        /** Arguments passed to every service, after the connection settings. */
        public Builder args(String... args) {
            common.addAll(List.of(args));
            return this;
        }

        /** Starts the workers first, then the gateway, so the first request finds a worker. */
        public Fleet start() {
            List<ConfigurableApplicationContext> contexts = new ArrayList<>();
            try {
                if (sessionWorker) {
                    contexts.add(run(SessionWorkerApplication.class, "session-worker", "--server.port=0"));
                }
                contexts.add(run(WebhookWorkerApplication.class, "webhook-worker", "--server.port=0"));
                contexts.add(run(GatewayApplication.class, "api-gateway", "--server.port=" + gatewayPort));
            } catch (RuntimeException e) {
                contexts.reversed().forEach(ConfigurableApplicationContext::close);
                throw e;
            }
            int port = contexts.getLast().getEnvironment().getProperty("local.server.port", Integer.class, gatewayPort);
            return new Fleet(contexts, port);
        }

        private ConfigurableApplicationContext run(Class<?> application, String name, String... own) {
            List<String> args = new ArrayList<>(common);
            args.add("--spring.config.name=" + name);
            args.addAll(List.of(own));
            return new SpringApplicationBuilder(application).initializers(Builder::ownNettyResources)
                    .run(args.toArray(String[]::new));
        }

        /**
         * Each service gets event loops and connection pools of its own instead of Reactor Netty's
         * global ones: closing a context disposes the global resources, which would take down the HTTP
         * server and clients of every other service (or fleet) still running in this JVM.
         */
        private static void ownNettyResources(ConfigurableApplicationContext context) {
            if (context instanceof GenericApplicationContext generic) {
                generic.registerBean(ReactorResourceFactory.class, () -> {
                    ReactorResourceFactory resources = new ReactorResourceFactory();
                    resources.setUseGlobalResources(false);
                    return resources;
                });
            }
        }
    }
}
