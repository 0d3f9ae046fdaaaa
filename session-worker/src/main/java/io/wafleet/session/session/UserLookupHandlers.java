package io.wafleet.session.session;

import io.wafleet.common.command.CheckUser;
import io.wafleet.common.command.Command;
import io.wafleet.common.command.GetUserInfo;
import io.wafleet.common.command.ReplyTo;
import io.wafleet.common.connector.ConnectorException;
import io.wafleet.session.kafka.EventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.Function;

/**
 * {@code user.check} and {@code user.info}: the account's session asks WhatsApp about a number and the
 * worker answers on the command's {@code reply_to} (both answer the same {@code user}; the gateway shows
 * each its part). Nothing changes, so a replay simply asks again.
 */
@Configuration(proxyBeanMethods = false)
class UserLookupHandlers {

    @Bean
    CommandHandler<CheckUser> checkUserHandler(SessionService sessions, EventPublisher publisher) {
        return new LookUpHandler<>(CheckUser.class, CheckUser::phone, CheckUser::replyTo, sessions, publisher);
    }

    @Bean
    CommandHandler<GetUserInfo> userInfoHandler(SessionService sessions, EventPublisher publisher) {
        return new LookUpHandler<>(GetUserInfo.class, GetUserInfo::phone, GetUserInfo::replyTo, sessions, publisher);
    }

    private record LookUpHandler<C extends Command>(Class<C> type, Function<C, String> phone, Function<C, ReplyTo> replyTo,
                                                    SessionService sessions, EventPublisher publisher)
            implements CommandHandler<C> {

        @Override
        public void handle(C command) {
            try {
                publisher.replyUser(replyTo.apply(command), command.accountId(),
                        sessions.lookUp(command.accountId(), phone.apply(command)));
            } catch (ConnectorException e) {
                publisher.replyError(replyTo.apply(command), command.accountId(), e.reason(), e.getMessage());
            }
        }
    }
}
