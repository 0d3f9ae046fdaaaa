package io.wafleet.gateway.presence;

import io.wafleet.common.AccountId;
import io.wafleet.common.MessageIds;
import io.wafleet.common.command.Command;
import io.wafleet.gateway.account.AccountStore;
import io.wafleet.gateway.kafka.CommandPublisher;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.util.function.Function;

/** Publishes presence commands for accounts that can show one, as {@code SendService} publishes sends. */
@Service
class PresenceService {

    /** A presence accepted: the command that carries it. */
    record Queued(String commandId, String status) {
    }

    private final AccountStore accounts;
    private final CommandPublisher publisher;

    PresenceService(AccountStore accounts, CommandPublisher publisher) {
        this.accounts = accounts;
        this.publisher = publisher;
    }

    /** Publishes the command {@code command} builds from a new command id, once the account is known to have a session. */
    Mono<Queued> publish(AccountId account, Function<String, Command> command) {
        return accounts.requireSendable(account).then(Mono.defer(() -> {
            Command presence = command.apply(MessageIds.newCommandId());
            return publisher.publish(presence).thenReturn(new Queued(presence.commandId(), "queued"));
        }));
    }
}
