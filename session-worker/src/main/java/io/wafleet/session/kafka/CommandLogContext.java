package io.wafleet.session.kafka;

import io.wafleet.common.command.Command;
import org.slf4j.MDC;

/**
 * Puts the command's {@code account_id} and {@code command_id} into the logging context (MDC) of the
 * consumer thread while the command is handled, so that every line logged on the way carries them
 * (structured JSON logs show them as fields); closing removes them, before the next record. Only ids:
 * never the command's content.
 */
final class CommandLogContext implements AutoCloseable {

    static final String ACCOUNT_ID = "account_id";
    static final String COMMAND_ID = "command_id";

    private CommandLogContext() {
    }

    static CommandLogContext of(Command command) {
        if (command != null) {
            MDC.put(ACCOUNT_ID, command.accountId().value());
            MDC.put(COMMAND_ID, command.commandId());
        }
        return new CommandLogContext();
    }

    @Override
    public void close() {
        MDC.remove(ACCOUNT_ID);
        MDC.remove(COMMAND_ID);
    }
}
