package io.wafleet.session.kafka;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wafleet.common.AccountId;
import io.wafleet.common.Topics;
import io.wafleet.common.command.Command;
import io.wafleet.common.command.SendMessage;
import io.wafleet.common.event.Event;
import io.wafleet.common.event.MessageSent;
import io.wafleet.session.SessionWorkerProperties;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class EventPublisherTest {

    private static final AccountId ALICE = AccountId.of("alice");

    /** What the broker has been handed, each answered when the test completes its future. */
    private final List<CompletableFuture<SendResult<String, Object>>> sends = new CopyOnWriteArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final EventPublisher publisher = publisher();

    @SuppressWarnings("unchecked")
    private EventPublisher publisher() {
        KafkaTemplate<String, Object> template = mock(KafkaTemplate.class);
        when(template.send(anyString(), anyString(), any())).thenAnswer(call -> {
            CompletableFuture<SendResult<String, Object>> send = new CompletableFuture<>();
            sends.add(send);
            return send;
        });
        SessionWorkerProperties properties = mock(SessionWorkerProperties.class);
        SessionWorkerProperties.Sessions sessions = mock(SessionWorkerProperties.Sessions.class);
        when(properties.sessions()).thenReturn(sessions);
        when(sessions.callTimeout()).thenReturn(Duration.ofSeconds(5));
        return new EventPublisher(template, properties, meters);
    }

    @Test
    void aCommandsEventsGoOutTogetherAndAreWaitedForAtItsEnd() throws Exception {
        CompletableFuture<Void> handled = CompletableFuture.runAsync(() -> publisher.collecting(() -> {
            publisher.publish(sent("m1"));
            publisher.publish(sent("m2"));
        }));

        // both records reach the producer although the broker has answered neither
        awaitSends(2);
        assertStillWaiting(handled);

        sends.get(1).complete(null);
        assertStillWaiting(handled);
        sends.get(0).complete(null);
        handled.get(5, TimeUnit.SECONDS);
        assertThat(meters.counter("wafleet.events.published", "type", "message.sent").count()).isEqualTo(2);
    }

    @Test
    void aRecordTheBrokerRefusedFailsTheCommandOnceItsWorkIsDone() {
        List<String> done = new ArrayList<>();

        assertThatThrownBy(() -> publisher.collecting(() -> {
            publisher.publish(sent("m1"));
            sends.getFirst().completeExceptionally(new IllegalStateException("broker down"));
            publisher.publish(sent("m2"));
            sends.get(1).complete(null);
            done.add("work");
        })).isInstanceOf(EventPublisher.PublishFailedException.class).hasMessageContaining(Topics.EVENTS)
                .hasRootCauseMessage("broker down");
        assertThat(done).containsExactly("work");
        assertThat(meters.counter("wafleet.events.published", "type", "message.sent").count()).isEqualTo(1);
    }

    @Test
    void outsideACommandEachEventIsWaitedFor() {
        CompletableFuture<Void> published = CompletableFuture.runAsync(() -> publisher.publish(sent("m1")));
        awaitSends(1);
        sends.getFirst().completeExceptionally(new IllegalStateException("broker down"));

        assertThatThrownBy(() -> published.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(EventPublisher.PublishFailedException.class);
    }

    @Test
    void aCommandForAnotherAccountIsStoredBeforeTheCallReturnsEvenInsideACommand() throws Exception {
        List<Integer> seenWhenReturned = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> handled = CompletableFuture.runAsync(() -> publisher.collecting(() -> {
            publisher.command(command());
            seenWhenReturned.add(sends.size());
        }));
        awaitSends(1);
        assertStillWaiting(handled);
        assertThat(seenWhenReturned).as("command() still waits for the broker").isEmpty();

        sends.getFirst().complete(null);
        handled.get(5, TimeUnit.SECONDS);
        assertThat(seenWhenReturned).containsExactly(1);
    }

    @Test
    void inTheBackgroundAFailureIsLoggedNotThrown() {
        publisher.publishInBackground(sent("m1"));
        sends.getFirst().completeExceptionally(new IllegalStateException("broker down"));
        publisher.publishInBackground(sent("m2"));
        sends.get(1).complete(null);

        assertThat(meters.counter("wafleet.events.published", "type", "message.sent").count()).isEqualTo(1);
    }

    /** The call has not returned within 100 ms: it waits for a record the broker has not answered. */
    private static void assertStillWaiting(CompletableFuture<Void> call) {
        assertThatThrownBy(() -> call.get(100, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
    }

    private void awaitSends(int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (sends.size() < count && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(sends).hasSize(count);
    }

    private static Event sent(String messageId) {
        return Event.of("command-" + messageId, ALICE, Instant.now(), new MessageSent(messageId, "6281234567890", "text"));
    }

    private static Command command() {
        return new SendMessage("command-1", AccountId.of("bob"), Command.SCHEMA_VERSION, "m1", "6281234567890", "hello",
                null, null);
    }
}
