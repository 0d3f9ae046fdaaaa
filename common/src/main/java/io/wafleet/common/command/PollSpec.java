package io.wafleet.common.command;

import java.util.List;

/** A poll: its question, its options (in order) and how many of them one voter may choose. */
public record PollSpec(String question, List<String> options, int maxAnswer) {

    public PollSpec {
        options = List.copyOf(options);
    }
}
