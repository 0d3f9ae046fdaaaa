package io.wafleet.session.session;

import io.wafleet.common.command.Command;
import io.wafleet.common.command.SendChatPresence;
import io.wafleet.common.command.SendPresence;
import io.wafleet.common.connector.ConnectorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.BiConsumer;

/**
 * The presence commands ({@code send.presence}, {@code send.chat_presence}), run through the account's
 * session. They are effects, not messages: nothing is recorded and no outcome is published, so a replay
 * simply shows the presence again. One the session cannot take ends here, logged: an account without a
 * logged-in session has no presence to show (as a typing indicator from a phone that is offline goes
 * nowhere), and retrying would only deliver a stale indicator later. A session held by another worker
 * still waits in Kafka, as every command does ({@link LeaseUnavailableException}).
 */
@Configuration(proxyBeanMethods = false)
class PresenceHandlers {

    private static final Logger log = LoggerFactory.getLogger(PresenceHandlers.class);

    @Bean
    CommandHandler<SendPresence> sendPresenceHandler(SessionService sessions) {
        return new PresenceHandler<>(SendPresence.class, sessions, (s, c) -> s.sendPresence(c.accountId(), c.presence()));
    }

    @Bean
    CommandHandler<SendChatPresence> sendChatPresenceHandler(SessionService sessions) {
        return new PresenceHandler<>(SendChatPresence.class, sessions,
                (s, c) -> s.sendChatPresence(c.accountId(), c.phone(), c.state()));
    }

    /** A presence command: once through the session, its refusal logged rather than retried. */
    private record PresenceHandler<C extends Command>(Class<C> type, SessionService sessions,
                                                      BiConsumer<SessionService, C> call) implements CommandHandler<C> {

        @Override
        public void handle(C command) {
            try {
                call.accept(sessions, command);
            } catch (ConnectorException e) {
                if ("not_logged_in".equals(e.reason())) {
                    log.debug("Presence command {} of account {} not shown: the account is not logged in",
                            command.commandId(), command.accountId());
                } else {
                    log.warn("Presence command {} of account {} not shown: {}", command.commandId(), command.accountId(),
                            e.reason());
                }
            }
        }
    }
}
