package io.wafleet.session.session;

import io.wafleet.common.command.Command;

/**
 * Runs one type of command for an account this worker owns. Called on the listener thread of the
 * account's partition, so commands of one account never run concurrently. A handler turns expected
 * outcomes (not logged in, no pending login, ...) into replies or events; an exception means the
 * command could not run and is retried, then rejected.
 */
public interface CommandHandler<C extends Command> {

    Class<C> type();

    void handle(C command);
}
