package io.wafleet.session.session;

import io.wafleet.common.command.DeleteMessage;
import io.wafleet.common.command.EditMessage;
import io.wafleet.common.command.MarkMessageRead;
import io.wafleet.common.command.MessageCommand;
import io.wafleet.common.command.ReactToMessage;
import io.wafleet.common.command.RevokeMessage;
import io.wafleet.common.command.StarMessage;
import io.wafleet.common.command.UnstarMessage;
import io.wafleet.common.connector.MessageAction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.Function;

/**
 * One handler per action on a message, each turning its command into the connector's action. A forward
 * is a send of a new message: its handler is with the sends ({@link SendHandlers}).
 */
@Configuration(proxyBeanMethods = false)
class MessageActionHandlers {

    @Bean
    CommandHandler<ReactToMessage> reactHandler(MessageActionService actions) {
        return new ActionHandler<>(ReactToMessage.class, actions, c -> new MessageAction.React(c.messageId(), c.phone(), c.emoji()));
    }

    @Bean
    CommandHandler<RevokeMessage> revokeHandler(MessageActionService actions) {
        return new ActionHandler<>(RevokeMessage.class, actions, c -> new MessageAction.Revoke(c.messageId(), c.phone()));
    }

    @Bean
    CommandHandler<DeleteMessage> deleteMessageHandler(MessageActionService actions) {
        return new ActionHandler<>(DeleteMessage.class, actions, c -> new MessageAction.Delete(c.messageId(), c.phone()));
    }

    @Bean
    CommandHandler<EditMessage> editHandler(MessageActionService actions) {
        return new ActionHandler<>(EditMessage.class, actions, c -> new MessageAction.Edit(c.messageId(), c.phone(), c.message()));
    }

    @Bean
    CommandHandler<MarkMessageRead> readHandler(MessageActionService actions) {
        return new ActionHandler<>(MarkMessageRead.class, actions, c -> new MessageAction.Read(c.messageId(), c.phone()));
    }

    @Bean
    CommandHandler<StarMessage> starHandler(MessageActionService actions) {
        return new ActionHandler<>(StarMessage.class, actions, c -> new MessageAction.Star(c.messageId(), c.phone(), true));
    }

    @Bean
    CommandHandler<UnstarMessage> unstarHandler(MessageActionService actions) {
        return new ActionHandler<>(UnstarMessage.class, actions, c -> new MessageAction.Star(c.messageId(), c.phone(), false));
    }

    /** An action on a message: at most once per command id, through {@link MessageActionService}. */
    private record ActionHandler<C extends MessageCommand>(Class<C> type, MessageActionService actions,
                                                           Function<C, MessageAction> action) implements CommandHandler<C> {

        @Override
        public void handle(C command) {
            actions.act(command.commandId(), command.accountId(), action.apply(command));
        }
    }
}
