package io.wafleet.infra.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Live heap of a worker JVM, from {@code jcmd <pid> GC.class_histogram}: it runs a full collection and
 * counts the reachable objects, class by class. The filler arrays the serial collector leaves in
 * place of dead objects it chose not to compact away ({@code -XX:MarkSweepDeadRatio}, up to 5% of the
 * old generation) are left out: they are what makes the heap's {@code used} figure (GC.heap_info)
 * drift by megabytes between two full collections. Also the process's resident set, from
 * {@code /proc/<pid>/status}.
 */
final class HeapProbe {

    private static final Pattern TOTAL = Pattern.compile("^Total\\s+\\d+\\s+(\\d+)");
    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+)");
    private static final Pattern VM_RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+) kB");
    private static final String FILLER = "jdk.internal.vm.Filler";

    private final Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");

    boolean available() {
        return Files.isExecutable(jcmd);
    }

    /** Bytes of reachable objects in the heap of process {@code pid}. */
    long liveBytes(long pid) {
        long total = -1;
        long filler = 0;
        for (String line : histogram(pid).lines().toList()) {
            Matcher row = ROW.matcher(line);
            Matcher sum = TOTAL.matcher(line);
            if (row.find() && row.group(2).contains(FILLER)) {
                filler += Long.parseLong(row.group(1));
            } else if (sum.find()) {
                total = Long.parseLong(sum.group(1));
            }
        }
        if (total < 0) {
            throw new IllegalStateException("jcmd " + pid + " GC.class_histogram printed no total");
        }
        return total - filler;
    }

    /** The resident set of process {@code pid} in bytes ({@code VmRSS}); Linux only. */
    long residentBytes(long pid) {
        try {
            return vmRss(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        } catch (IOException e) {
            throw new IllegalStateException("could not read the status of process " + pid, e);
        }
    }

    /** {@code VmRSS} of a {@code /proc/<pid>/status} text, in bytes. */
    static long vmRss(String status) {
        Matcher rss = VM_RSS.matcher(status);
        if (!rss.find()) {
            throw new IllegalStateException("no VmRSS in the process status");
        }
        return Long.parseLong(rss.group(1)) * 1024;
    }

    private String histogram(long pid) {
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram")
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("jcmd " + pid + " GC.class_histogram failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + jcmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running jcmd", e);
        }
    }
}
