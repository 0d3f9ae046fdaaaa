package io.wafleet.infra.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Prints the failover benchmark's figures as a Markdown table, beside the targets. */
final class FailoverReport {

    private static final double MB = 1024.0 * 1024.0;

    private final PrintStream out;

    FailoverReport(PrintStream out) {
        this.out = out;
    }

    void print(List<FailoverBench.Handover> runs, OptionalLong conflicts) {
        out.println();
        out.println("| run | worker stopped | accounts moved | first back | half back | all back | target |");
        out.println("|---|---|---:|---:|---:|---:|---|");
        for (FailoverBench.Handover run : runs) {
            out.printf("| %s | %s | %d | %s | %s | %s | %s |%n", run.run(), run.worker(), run.moved(),
                    seconds(run.firstBack()), seconds(run.halfBack()), seconds(run.allBack()), run.target());
        }
        out.println();
        out.println("\"first back\", \"half back\", \"all back\": from the signal to the first, the median and the last account of the stopped");
        out.println("worker reported logged_in by a survivor (its session.status event, as read from wafleet.events;");
        out.println("every account then checked logged_in on a survivor in MongoDB). The graceful run starts "
                + FailoverBench.QUIET_BEFORE_GRACEFUL.toSeconds() + " s after the replacement worker has restored its share.");
        runs.stream().flatMap(run -> run.heap().map(heap -> Map.entry(run.run(), heap)).stream()).forEach(entry -> {
            FailoverBench.HeapChange heap = entry.getValue();
            out.printf("Heap per idle session: %.1f KB (target < 100 KB): survivors of the %s run, live objects%n",
                    heap.perSessionKb(), entry.getKey());
            out.printf("  %.1f MB before, %.1f MB after taking %d sessions%n", heap.before() / MB, heap.after() / MB, heap.sessions());
        });
        out.println("Sandbox conflicts during the run: "
                + (conflicts.isPresent() ? conflicts.getAsLong() : "n/a (GET /sandbox/stats not available)"));
    }

    static String seconds(Duration duration) {
        return "%.2f s".formatted(duration.toNanos() / 1e9);
    }
}
