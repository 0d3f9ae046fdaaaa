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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes what the worker has to say ({@code acks=all}). Inside {@link #collecting} (a command being
 * handled) records are sent at once and waited for together at its end, so a command's events are
 * stored before its offset is committed while its sends share the producer's round trips; elsewhere
 * each call returns once the broker has the record. A failure throws, and a command is retried by the
 * listener's error handler.
 */
@Component
public class EventPublisher {

    private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

    private final KafkaTemplate<String, Object> template;
    private final Duration timeout;
    private final MeterRegistry meters;
    private final ThreadLocal<List<CompletableFuture<?>>> collected = new ThreadLocal<>();
    private final Map<String, Counter> publishedByType = new ConcurrentHashMap<>();

    EventPublisher(KafkaTemplate<String, Object> template, SessionWorkerProperties properties, MeterRegistry meters) {
        this.template = template;
        this.timeout = properties.sessions().callTimeout();
        this.meters = meters;
    }

    /**
     * Runs {@code work}, whose records on this thread are sent without waiting each for the broker; returns
     * once the broker took them all. Nested calls join the outer one.
     */
    public void collecting(Runnable work) {
        if (collected.get() != null) {
            work.run();
            return;
        }
        List<CompletableFuture<?>> sends = new ArrayList<>();
        collected.set(sends);
        try {
            work.run();
        } finally {
            collected.remove();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (CompletableFuture<?> send : sends) {
            await(send, deadline);
        }
    }

    /** An event on {@code wafleet.events}, keyed by its account; counted in {@code wafleet.events.published} by type. */
    public void publish(Event event) {
        send(Topics.EVENTS, event.accountId().value(), event).thenRun(() -> published(event.event()));
    }

    /**
     * An event sent without waiting for the broker, for what a connector reports on a thread of its own
     * (a receipt), which must not be held up by Kafka's round trips; the producer retries it, and a
     * failure in the end is logged.
     */
    public void publishInBackground(Event event) {
        template.send(Topics.EVENTS, event.accountId().value(), event).whenComplete((sent, failure) -> {
            if (failure == null) {
                published(event.event());
            } else {
                log.error("Event {} ({}) of {} could not be published", event.id(), event.event(), event.accountId(), failure);
            }
        });
    }

    /**
     * A command on {@code wafleet.commands}, keyed by its account, so it reaches the worker that owns it;
     * taken by the broker when this returns, even inside {@link #collecting}: what the sandbox network
     * carries to another account is carried once the send that carried it returns.
     */
    public void command(Command command) {
        await(send(Topics.COMMANDS, command.accountId().value(), command), System.nanoTime() + timeout.toNanos());
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

    private void published(String type) {
        publishedByType.computeIfAbsent(type, key -> Counter.builder("wafleet.events.published")
                .description("Events the broker took, by event type").tag("type", key).register(meters)).increment();
    }

    /** Sent; waited for here, or at the end of {@link #collecting} when on its thread. */
    private CompletableFuture<?> send(String topic, String key, Object value) {
        CompletableFuture<?> send = template.send(topic, key, value)
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(new PublishFailedException(topic, failure)));
        List<CompletableFuture<?>> sends = collected.get();
        if (sends != null) {
            sends.add(send);
        } else {
            await(send, System.nanoTime() + timeout.toNanos());
        }
        return send;
    }

    private static void await(CompletableFuture<?> send, long deadline) {
        // a send that failed already carries its PublishFailedException, naming the topic
        try {
            send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("Kafka", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof PublishFailedException failed ? failed : new PublishFailedException("Kafka", e);
        } catch (TimeoutException e) {
            throw new PublishFailedException("Kafka (no answer in time)", e);
        }
    }

    /** A record the broker did not take in time. */
    public static class PublishFailedException extends RuntimeException {

        PublishFailedException(String topic, Throwable cause) {
            super("could not publish to " + topic, cause);
        }
    }
}
