package io.wafleet.session.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.wafleet.common.AccountId;
import io.wafleet.common.Topics;
import io.wafleet.common.command.Command;
import io.wafleet.common.command.ReplyTo;
import io.wafleet.common.connector.GroupInfo;
import io.wafleet.common.connector.ParticipantResult;
import io.wafleet.common.connector.SessionStatus;
import io.wafleet.common.connector.WhatsAppUser;
import io.wafleet.common.event.Event;
import io.wafleet.common.event.Reply;
import io.wafleet.session.SessionWorkerProperties;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes what the worker has to say. Each call returns once the broker has the record
 * ({@code acks=all}), so a command's events are stored before its offset is committed; a failure
 * throws, and the command is retried by the listener's error handler.
 */
@Component
public class EventPublisher {

    private final KafkaTemplate<String, Object> template;
    private final Duration timeout;
    private final MeterRegistry meters;

    EventPublisher(KafkaTemplate<String, Object> template, SessionWorkerProperties properties, MeterRegistry meters) {
        this.template = template;
        this.timeout = properties.sessions().callTimeout();
        this.meters = meters;
    }

    /** An event on {@code wafleet.events}, keyed by its account; counted in {@code wafleet.events.published} by type. */
    public void publish(Event event) {
        send(Topics.EVENTS, event.accountId().value(), event);
        Counter.builder("wafleet.events.published").description("Events the broker took, by event type")
                .tag("type", event.event()).register(meters).increment();
    }

    /** A command on {@code wafleet.commands}, keyed by its account, so it reaches the worker that owns it. */
    public void command(Command command) {
        send(Topics.COMMANDS, command.accountId().value(), command);
    }

    /** The answer to a command that a gateway call waits for; nothing when nobody waits ({@code replyTo} null). */
    public void reply(ReplyTo replyTo, Reply reply) {
        if (replyTo != null && replyTo.instance() != null) {
            send(Topics.REPLIES, replyTo.instance(), reply);
        }
    }

    public void replyStatus(ReplyTo replyTo, AccountId account, SessionStatus status) {
        if (replyTo != null) {
            reply(replyTo, new Reply(replyTo.correlationId(), account, Reply.SCHEMA_VERSION, status,
                    null, null, null, null, null));
        }
    }

    public void replyUser(ReplyTo replyTo, AccountId account, WhatsAppUser user) {
        if (replyTo != null) {
            reply(replyTo, Reply.user(replyTo.correlationId(), account, user));
        }
    }

    /** A group, with each participant's result when it was changed (null otherwise). */
    public void replyGroup(ReplyTo replyTo, AccountId account, GroupInfo group, List<ParticipantResult> participants) {
        if (replyTo != null) {
            reply(replyTo, Reply.group(replyTo.correlationId(), account, group, participants));
        }
    }

    public void replyError(ReplyTo replyTo, AccountId account, String error, String message) {
        if (replyTo != null) {
            reply(replyTo, new Reply(replyTo.correlationId(), account, Reply.SCHEMA_VERSION, null,
                    null, null, null, error, message));
        }
    }

    private void send(String topic, String key, Object value) {
        try {
            template.send(topic, key, value).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException(topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new PublishFailedException(topic, e);
        }
    }

    /** A record the broker did not take in time. */
    public static class PublishFailedException extends RuntimeException {

        PublishFailedException(String topic, Exception cause) {
            super("could not publish to " + topic, cause);
        }
    }
}
