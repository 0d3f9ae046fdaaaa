package io.wafleet.gateway.action;

import io.wafleet.common.AccountId;
import io.wafleet.common.MessageIds;
import io.wafleet.common.command.Command;
import io.wafleet.common.command.ForwardMessage;
import io.wafleet.gateway.account.AccountStore;
import io.wafleet.gateway.kafka.CommandPublisher;
import io.wafleet.gateway.message.MessageRecords;
import io.wafleet.gateway.send.SendRateLimits;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.util.function.Function;

/** Publishes actions on messages for accounts that can act, as {@code SendService} publishes sends. */
@Service
class MessageActionService {

    /** An action accepted: the message acted on and the command that carries the action. */
    record Queued(String messageId, String commandId, String status) {
    }

    /** A forward accepted: also the id of the new message, whose status {@code GET /messages/{id}} shows. */
    record ForwardQueued(String messageId, String commandId, String forwardedMessageId, String status) {
    }

    private final AccountStore accounts;
    private final CommandPublisher publisher;
    private final MessageRecords messages;
    private final SendRateLimits rateLimits;

    MessageActionService(AccountStore accounts, CommandPublisher publisher, MessageRecords messages,
                         SendRateLimits rateLimits) {
        this.accounts = accounts;
        this.publisher = publisher;
        this.messages = messages;
        this.rateLimits = rateLimits;
    }

    /** Publishes the action {@code command} builds from a new command id, once the account is known to be able to act. */
    Mono<Queued> act(AccountId account, String messageId, Function<String, Command> command) {
        return accounts.requireSendable(account).then(Mono.defer(() -> {
            Command action = command.apply(MessageIds.newCommandId());
            return publisher.publish(action).thenReturn(new Queued(messageId, action.commandId(), "queued"));
        }));
    }

    /**
     * A forward is a send of a new message: recorded {@code queued} under its new id before its command is
     * published (forgotten again if publishing fails), so its status can be read at once. It takes from
     * the account's send budget as any send does.
     */
    Mono<ForwardQueued> forward(AccountId account, String messageId, String phone, String to) {
        return accounts.requireSendable(account).then(Mono.defer(() -> {
            rateLimits.take(account);
            String forwardedId = MessageIds.newMessageId();
            ForwardMessage command = new ForwardMessage(MessageIds.newCommandId(), account, Command.SCHEMA_VERSION, messageId,
                    phone, to, forwardedId);
            return messages.queued(forwardedId, command.commandId(), account, to, "forward")
                    .then(Mono.defer(() -> publisher.publish(command)))
                    .onErrorResume(failure -> messages.notPublished(forwardedId).then(Mono.error(failure)))
                    .thenReturn(new ForwardQueued(messageId, command.commandId(), forwardedId, "queued"));
        }));
    }
}
