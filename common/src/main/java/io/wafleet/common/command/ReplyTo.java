package io.wafleet.common.command;

/**
 * Where the answer to a command goes when an HTTP call waits for it: the reply topic, keyed by the
 * gateway instance that asked, with the correlation id that instance is waiting on.
 */
public record ReplyTo(String instance, String correlationId) {
}
