package io.wafleet.infra.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchArgsTest {

    private static final Set<String> KNOWN = Set.of("runs", "sessions", "out");

    @Test
    void readsNumbersListsAndPathsWithTheirFallbacks() {
        BenchArgs args = BenchArgs.parse(List.of("--runs", "5", "--sessions", "1000, 10000"), KNOWN);

        assertThat(args.number("runs", 3)).isEqualTo(5);
        assertThat(args.numbers("sessions", List.of(1))).containsExactly(1000, 10000);
        assertThat(args.path("out", "bench.json")).isEqualTo(Path.of("bench.json"));
    }

    @Test
    void refusesAnUnknownNameAValuelessNameAndANumberBelowOne() {
        assertThatThrownBy(() -> BenchArgs.parse(List.of("--seconds", "5"), KNOWN)).hasMessageContaining("unknown option --seconds");
        assertThatThrownBy(() -> BenchArgs.parse(List.of("--runs"), KNOWN)).hasMessageContaining("--name value");
        assertThatThrownBy(() -> BenchArgs.parse(List.of("--runs", "0"), KNOWN).number("runs", 3))
                .hasMessageContaining("--runs must be a whole number of at least 1: 0");
        assertThatThrownBy(() -> BenchArgs.parse(List.of("--sessions", "1000,x"), KNOWN).numbers("sessions", List.of()))
                .hasMessageContaining("--sessions");
    }
}
