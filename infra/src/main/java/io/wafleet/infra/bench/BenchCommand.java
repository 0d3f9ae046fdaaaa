package io.wafleet.infra.bench;

import java.util.List;
import java.util.function.Supplier;

/** {@code wafleet.jar bench <name> [options]}: picks the benchmark and reads its options. */
public final class BenchCommand {

    static final String USAGE = """
            usage: java -jar infra/target/wafleet.jar bench failover [options]
              --accounts N           sandbox accounts to log in (default 1000)
              --workers N            session worker processes (default 3)
              --worker-jar PATH      the session worker's jar (default session-worker/target/session-worker.jar)
              --restore-rate N       restores started per second per worker (default: the worker's own default)
              --login-concurrency N  logins in flight while the accounts are set up (default 16)""";

    private BenchCommand() {
    }

    /** Runs the benchmark named first in {@code args}; answers the process exit code. */
    public static int run(List<String> args) {
        String name = args.isEmpty() ? "" : args.getFirst();
        List<String> options = args.isEmpty() ? args : args.subList(1, args.size());
        return switch (name) {
            case "failover" -> failover(options);
            case "webhooks" -> run(name, WebhookBench.USAGE, () -> new WebhookBench(WebhookBench.Options.parse(options), System.out)::run);
            case "sends" -> run(name, SendsBench.USAGE, () -> new SendsBench(SendsBench.Options.parse(options), System.out)::run);
            case "commands" -> run(name, CommandsBench.USAGE, () -> new CommandsBench(CommandsBench.Options.parse(options), System.out)::run);
            case "sessions" -> run(name, SessionsBench.USAGE, () -> new SessionsBench(SessionsBench.Options.parse(options), System.out)::run);
            case "startup" -> run(name, StartupBench.USAGE, () -> new StartupBench(StartupBench.Options.parse(options), System.out)::run);
            default -> {
                List.of(USAGE, WebhookBench.USAGE, SendsBench.USAGE, CommandsBench.USAGE, SessionsBench.USAGE, StartupBench.USAGE)
                        .forEach(System.err::println);
                yield 2;
            }
        };
    }

    /** A benchmark with its options read, ready to run. */
    @FunctionalInterface
    private interface Bench {
        void run() throws Exception;
    }

    /** Runs the benchmark {@code parse} gives; an {@link IllegalArgumentException} of {@code parse} is a wrong option. */
    private static int run(String name, String usage, Supplier<Bench> parse) {
        Bench bench;
        try {
            bench = parse.get();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(usage);
            return 2;
        }
        try {
            bench.run();
            return 0;
        } catch (Exception e) {
            System.err.println("bench " + name + " failed: " + e);
            e.printStackTrace();
            return 1;
        }
    }

    private static int failover(List<String> args) {
        FailoverBench.Options options;
        try {
            options = FailoverBench.Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        try {
            new FailoverBench(options, System.out).run();
            return 0;
        } catch (IllegalStateException e) {
            // what the benchmark itself reports (a missing jar, a timeout) says all in its message
            System.err.println("bench failover failed: " + e.getMessage());
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                System.err.println("  caused by: " + cause);
            }
            return 1;
        } catch (Exception e) {
            System.err.println("bench failover failed: " + e);
            e.printStackTrace();
            return 1;
        }
    }
}
