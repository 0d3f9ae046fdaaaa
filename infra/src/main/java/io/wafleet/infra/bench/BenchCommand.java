package io.wafleet.infra.bench;

import java.util.List;

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
        if (!args.isEmpty() && args.getFirst().equals("webhooks")) {
            return webhooks(args.subList(1, args.size()));
        }
        if (!args.isEmpty() && args.getFirst().equals("sends")) {
            return sends(args.subList(1, args.size()));
        }
        if (args.isEmpty() || !args.getFirst().equals("failover")) {
            System.err.println(USAGE);
            System.err.println(WebhookBench.USAGE);
            System.err.println(SendsBench.USAGE);
            return 2;
        }
        FailoverBench.Options options;
        try {
            options = FailoverBench.Options.parse(args.subList(1, args.size()));
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

    private static int sends(List<String> args) {
        SendsBench.Options options;
        try {
            options = SendsBench.Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(SendsBench.USAGE);
            return 2;
        }
        try {
            new SendsBench(options, System.out).run();
            return 0;
        } catch (Exception e) {
            System.err.println("bench sends failed: " + e);
            e.printStackTrace();
            return 1;
        }
    }

    private static int webhooks(List<String> args) {
        WebhookBench.Options options;
        try {
            options = WebhookBench.Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(WebhookBench.USAGE);
            return 2;
        }
        try {
            new WebhookBench(options, System.out).run();
            return 0;
        } catch (Exception e) {
            System.err.println("bench webhooks failed: " + e);
            e.printStackTrace();
            return 1;
        }
    }
}
