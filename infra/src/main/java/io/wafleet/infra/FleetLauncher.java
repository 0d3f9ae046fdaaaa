package io.wafleet.infra;

import io.wafleet.infra.backing.BackingServices;
import io.wafleet.infra.bench.BenchCommand;
import io.wafleet.infra.rekey.RekeyCommand;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar infra/target/wafleet.jar}: the whole fleet in one process on the embedded default
 * (Kafka 127.0.0.1:9092, MongoDB-wire 127.0.0.1:27017, API 127.0.0.1:3000, data under
 * {@code $WAFLEET_DATA_DIR}, default {@code ./data}). With {@code --backing-only} only the broker and the
 * MongoDB-wire server run, for services started from their own jars. Ctrl-C stops it cleanly.
 * {@code bench <name> [options]} runs a benchmark instead (failover, webhooks, sends, commands, sessions, startup: {@link BenchCommand});
 * {@code rekey} seals every stored secret again under the current master key ({@link RekeyCommand}).
 */
public final class FleetLauncher {

    private FleetLauncher() {
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = List.of(args);
        if (!arguments.isEmpty() && arguments.getFirst().equals("bench")) {
            // exit explicitly: the in-process services leave non-daemon threads behind
            System.exit(BenchCommand.run(arguments.subList(1, arguments.size())));
        }
        if (!arguments.isEmpty() && arguments.getFirst().equals("rekey")) {
            System.exit(RekeyCommand.run(System.getenv(), System.out, System.err));
        }
        boolean backingOnly = arguments.contains("--backing-only");
        Path dataDir = Path.of(env("WAFLEET_DATA_DIR", "data")).toAbsolutePath();
        BackingServices.Ports ports = new BackingServices.Ports(
                Integer.parseInt(env("WAFLEET_KAFKA_PORT", "9092")),
                Integer.parseInt(env("WAFLEET_KAFKA_CONTROLLER_PORT", "9093")),
                Integer.parseInt(env("WAFLEET_MONGO_PORT", "27017")));

        BackingServices backing = BackingServices.start(dataDir, ports);
        Fleet fleet = null;
        if (!backingOnly) {
            String[] serviceArgs = arguments.stream().filter(a -> !a.equals("--backing-only")).toArray(String[]::new);
            try {
                fleet = Fleet.start(backing.kafkaBootstrapServers(), backing.mongoUri(), dataDir,
                        Integer.parseInt(env("PORT", "3000")), serviceArgs);
            } catch (RuntimeException e) {
                // Threads of a half-started service would keep the JVM alive: say why and leave.
                e.printStackTrace();
                backing.close();
                System.exit(1);
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Fleet running = fleet;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("wafleet: stopping");
            if (running != null) {
                running.close();
            }
            backing.close();
            stopped.countDown();
        }, "wafleet-shutdown"));

        System.out.println();
        System.out.println("wafleet is up (data in " + dataDir + ")");
        System.out.println("  Kafka      " + backing.kafkaBootstrapServers());
        System.out.println("  MongoDB    " + backing.mongoUri());
        if (fleet != null) {
            System.out.println("  API        http://127.0.0.1:" + fleet.gatewayPort());
        }
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
