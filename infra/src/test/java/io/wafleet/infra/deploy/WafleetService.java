package io.wafleet.infra.deploy;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A wafleet service as its deployments must run it: its HTTP port and the environment its production
 * configuration needs. The variables are read from the service's own {@code <name>.yml} and
 * {@code <name>-production.yml}, so a new {@code ${VARIABLE}} there fails the deployment tests until a
 * deployment provides it or it is listed in {@link #OPTIONAL}.
 */
record WafleetService(String name, int port, Set<String> required) {

    static final List<WafleetService> ALL = List.of(
            new WafleetService("api-gateway", 3000, with("WAFLEET_ADMIN_KEY")),
            new WafleetService("session-worker", 8080, with()),
            new WafleetService("webhook-worker", 8080, with()));

    /** Variables whose production default is right for a deployment, each for the reason given. */
    static final Set<String> OPTIONAL = Set.of(
            "WAFLEET_DATA_DIR",                        // the image sets it; production reads no key file
            "WAFLEET_INSTANCE_ID",                     // random per gateway process when unset
            "WAFLEET_WORKER_ID",                       // hostname, pid and a random suffix when unset
            "WAFLEET_MASTER_KEYS_PREVIOUS",            // only during a key rotation
            "WAFLEET_GLOBAL_WEBHOOK_URL",              // an extra webhook for every event, off by default
            "WAFLEET_GLOBAL_WEBHOOK_SECRET",           // required by the worker only with the URL
            "WAFLEET_SANDBOX_ENABLED",                 // production: off unless asked for
            "WAFLEET_DEFAULT_TRANSPORT",               // production: linked_device, the seed's QR and pairing-code login
            "WAFLEET_METRICS_ACCOUNT_TAGS",            // per-account metric tags: off, for bounded cardinality
            "WAFLEET_WEBHOOK_ALLOW_PRIVATE_ADDRESSES"); // production: refused unless allowed

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    private static Set<String> with(String... extra) {
        // PORT: a worker's default is 0 (any free port), which no probe can find. The Kafka settings are
        // bound from WAFLEET_KAFKA_* by relaxed binding: every service creates the topics, so all need the same.
        Set<String> required = new TreeSet<>(Set.of("SPRING_PROFILES_ACTIVE", "PORT", "KAFKA_BOOTSTRAP_SERVERS",
                "MONGODB_URI", "WAFLEET_MASTER_KEY", "WAFLEET_KAFKA_PARTITIONS", "WAFLEET_KAFKA_REPLICATION"));
        required.addAll(List.of(extra));
        return required;
    }

    /** Every {@code ${VARIABLE}} the service's configuration files refer to. */
    Set<String> configuredVariables() {
        Set<String> variables = new TreeSet<>();
        for (String file : List.of(name + ".yml", name + "-production.yml")) {
            Matcher matcher = PLACEHOLDER.matcher(DeployFiles.read(
                    DeployFiles.ROOT.resolve(name).resolve("src/main/resources").resolve(file)));
            while (matcher.find()) {
                variables.add(matcher.group(1));
            }
        }
        return variables;
    }

    /** What is missing from {@code provided} (which includes the image's ENV): required or configured and not optional. */
    Set<String> missingFrom(Set<String> provided) {
        Set<String> needed = new TreeSet<>(required);
        configuredVariables().stream().filter(variable -> !OPTIONAL.contains(variable)).forEach(needed::add);
        needed.removeAll(provided);
        needed.removeAll(DeployFiles.imageEnvironment().keySet());
        return needed;
    }
}
