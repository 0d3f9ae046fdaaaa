package io.wafleet.infra.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A benchmark's command line: {@code --name value} pairs, each name one the benchmark knows. Numbers are
 * whole and at least 1; a list of numbers is comma-separated ({@code --sessions 1000,10000}).
 */
final class BenchArgs {

    private final Map<String, String> given;

    private BenchArgs(Map<String, String> given) {
        this.given = given;
    }

    /** Fails with what is wrong (an unknown name, a name without value) as an {@link IllegalArgumentException}. */
    static BenchArgs parse(List<String> args, Set<String> known) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String name = args.get(i);
            if (!name.startsWith("--") || i + 1 >= args.size()) {
                throw new IllegalArgumentException("options come as --name value: " + name);
            }
            if (!known.contains(name.substring(2))) {
                throw new IllegalArgumentException("unknown option " + name);
            }
            given.put(name.substring(2), args.get(i + 1));
        }
        return new BenchArgs(given);
    }

    int number(String name, int fallback) {
        String value = given.get(name);
        return value == null ? fallback : positive(name, value);
    }

    List<Integer> numbers(String name, List<Integer> fallback) {
        String value = given.get(name);
        return value == null ? fallback : Arrays.stream(value.split(",")).map(number -> positive(name, number.strip())).toList();
    }

    Path path(String name, String fallback) {
        return Path.of(given.getOrDefault(name, fallback));
    }

    private static int positive(String name, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--" + name + " must be a whole number of at least 1: " + value);
    }
}
