package io.wafleet.common.event;

/** {@code command.rejected}: a command could not be parsed or run; it went to the dead-letter topic. */
public record CommandRejected(String commandId, String reason) implements EventPayload {
}
