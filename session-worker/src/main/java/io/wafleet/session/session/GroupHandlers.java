package io.wafleet.session.session;

import io.wafleet.common.command.Command;
import io.wafleet.common.command.CreateGroup;
import io.wafleet.common.command.GetGroupInfo;
import io.wafleet.common.command.LeaveGroup;
import io.wafleet.common.command.ReplyTo;
import io.wafleet.common.command.UpdateGroupParticipants;
import io.wafleet.common.connector.ConnectorException;
import io.wafleet.common.connector.GroupChange;
import io.wafleet.common.connector.GroupInfo;
import io.wafleet.common.connector.ParticipantResult;
import io.wafleet.session.kafka.EventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.function.Function;

/**
 * The group commands ({@code group.create}, {@code group.info}, {@code group.update_participants},
 * {@code group.leave}): the account's session asks WhatsApp and the worker answers on the command's
 * {@code reply_to}; a refusal ({@code not_logged_in}, {@code group_not_found}, {@code not_member},
 * {@code not_admin}, ...) is answered as an error. They need no record of their own to be replayed
 * safely: a creation's group id derives from its command id (the connector answers the group created
 * the first time), and a change or leave already made changes nothing more.
 */
@Configuration(proxyBeanMethods = false)
class GroupHandlers {

    @Bean
    CommandHandler<CreateGroup> createGroupHandler(SessionService sessions, EventPublisher publisher) {
        return new GroupHandler<>(CreateGroup.class, CreateGroup::replyTo, sessions, publisher, c -> Answer.of(sessions.ask(
                c.accountId(), session -> session.createGroup(c.commandId(), c.subject(), c.participants()))));
    }

    @Bean
    CommandHandler<GetGroupInfo> groupInfoHandler(SessionService sessions, EventPublisher publisher) {
        return new GroupHandler<>(GetGroupInfo.class, GetGroupInfo::replyTo, sessions, publisher,
                c -> new Answer(sessions.ask(c.accountId(), session -> session.groupInfo(c.groupId())), null));
    }

    @Bean
    CommandHandler<UpdateGroupParticipants> updateGroupParticipantsHandler(SessionService sessions, EventPublisher publisher) {
        return new GroupHandler<>(UpdateGroupParticipants.class, UpdateGroupParticipants::replyTo, sessions, publisher,
                c -> Answer.of(sessions.ask(c.accountId(),
                        session -> session.updateGroupParticipants(c.groupId(), c.action(), c.participants()))));
    }

    @Bean
    CommandHandler<LeaveGroup> leaveGroupHandler(SessionService sessions, EventPublisher publisher) {
        return new GroupHandler<>(LeaveGroup.class, LeaveGroup::replyTo, sessions, publisher, c -> {
            sessions.ask(c.accountId(), session -> session.leaveGroup(c.groupId()));
            return new Answer(null, null);
        });
    }

    /** What a group call answers: the group (none for a leave) and each participant's result (changes only). */
    private record Answer(GroupInfo group, List<ParticipantResult> participants) {

        static Answer of(GroupChange change) {
            return new Answer(change.group(), change.participants());
        }
    }

    private record GroupHandler<C extends Command>(Class<C> type, Function<C, ReplyTo> replyTo, SessionService sessions,
                                                   EventPublisher publisher, Function<C, Answer> call)
            implements CommandHandler<C> {

        @Override
        public void handle(C command) {
            try {
                Answer answer = call.apply(command);
                publisher.replyGroup(replyTo.apply(command), command.accountId(), answer.group(), answer.participants());
            } catch (ConnectorException e) {
                publisher.replyError(replyTo.apply(command), command.accountId(), e.reason(), e.getMessage());
            }
        }
    }
}
