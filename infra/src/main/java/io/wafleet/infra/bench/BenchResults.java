package io.wafleet.infra.bench;

import io.wafleet.common.json.WafleetJson;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A benchmark's figures as JSON, opened by the machine they were measured on (its core count and JDK). */
final class BenchResults {

    private final Map<String, Object> figures = new LinkedHashMap<>();

    BenchResults() {
        figures.put("cores", Runtime.getRuntime().availableProcessors());
        figures.put("jdk", Runtime.version().toString());
    }

    BenchResults put(String name, Object value) {
        figures.put(name, value);
        return this;
    }

    /** Writes the figures to {@code file} and prints the machine line and where they went. */
    void write(Path file, PrintStream out) throws IOException {
        Files.writeString(file, WafleetJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(figures));
        out.printf("machine: %s cores, JDK %s%n", figures.get("cores"), figures.get("jdk"));
        out.println("written to " + file.toAbsolutePath().normalize());
    }

    /** The median of some figures (the mean of the middle two of an even count). */
    static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
