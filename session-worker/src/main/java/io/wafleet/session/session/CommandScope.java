package io.wafleet.session.session;

import java.util.Optional;
import java.util.UUID;

/**
 * The command the current thread is running, so events a connector reports synchronously during it
 * get ids derived from the command id (a replay republishes the same ids). Reports from other
 * threads (timers, restores) have no command and get fresh ids.
 */
final class CommandScope {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private CommandScope() {
    }

    static void run(String commandId, Runnable work) {
        String outer = CURRENT.get();
        CURRENT.set(commandId);
        try {
            work.run();
        } finally {
            CURRENT.set(outer);
        }
    }

    /** A source id for an event of this kind: the running command's id with {@code qualifier}, or a fresh one. */
    static String sourceId(String qualifier) {
        return Optional.ofNullable(CURRENT.get()).map(id -> id + "|" + qualifier)
                .orElseGet(() -> UUID.randomUUID().toString());
    }
}
