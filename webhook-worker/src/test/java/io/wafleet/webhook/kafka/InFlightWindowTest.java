package io.wafleet.webhook.kafka;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InFlightWindowTest {

    private final List<String> actions = new ArrayList<>();
    private final InFlightWindow window = new InFlightWindow(4, () -> actions.add("pause"), () -> actions.add("resume"));

    @Test
    void pausesWhenFullAndResumesAtThreeQuarters() {
        for (int i = 0; i < 3; i++) {
            window.started();
        }
        assertThat(actions).isEmpty();

        window.started();
        window.started();
        assertThat(actions).containsExactly("pause");
        assertThat(window.isPaused()).isTrue();

        window.finished();
        assertThat(actions).containsExactly("pause");
        window.finished();
        assertThat(actions).containsExactly("pause", "resume");
        assertThat(window.inFlight()).isEqualTo(3);
        assertThat(window.isPaused()).isFalse();
    }
}
