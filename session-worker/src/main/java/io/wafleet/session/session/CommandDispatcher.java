package io.wafleet.session.session;

import io.wafleet.common.command.Command;
import io.wafleet.common.command.CommandRules;
import org.springframework.stereotype.Service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands each command to the handler registered for its type, after checking this worker owns its
 * account and the command follows {@link CommandRules} (one that does not is rejected, not retried).
 */
@Service
public class CommandDispatcher {

    private final Map<Class<?>, CommandHandler<?>> handlers = new HashMap<>();
    private final OwnedPartitions owned;

    CommandDispatcher(List<CommandHandler<?>> handlers, OwnedPartitions owned) {
        this.owned = owned;
        for (CommandHandler<?> handler : handlers) {
            if (this.handlers.put(handler.type(), handler) != null) {
                throw new IllegalStateException("two handlers for " + handler.type().getSimpleName());
            }
        }
    }

    public void dispatch(Command command) {
        if (command == null) {
            throw new RejectedCommandException("empty record");
        }
        if (!owned.owns(command.accountId())) {
            // the record's key is not its account id: running it here could open a second session
            throw new RejectedCommandException("account_id does not match the record key's partition");
        }
        CommandRules.problem(command).ifPresent(problem -> {
            throw new RejectedCommandException(problem);
        });
        CommandScope.run(command.commandId(), () -> handlerFor(command).handle(command));
    }

    @SuppressWarnings("unchecked")
    private <C extends Command> CommandHandler<C> handlerFor(C command) {
        CommandHandler<C> handler = (CommandHandler<C>) handlers.get(command.getClass());
        if (handler == null) {
            throw new RejectedCommandException("unsupported command for this worker's connector: "
                    + command.getClass().getSimpleName());
        }
        return handler;
    }
}
