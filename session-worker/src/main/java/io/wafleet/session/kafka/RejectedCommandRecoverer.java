package io.wafleet.session.kafka;

import io.wafleet.common.AccountId;
import io.wafleet.common.Topics;
import io.wafleet.common.command.Command;
import io.wafleet.common.event.CommandRejected;
import io.wafleet.common.event.Event;
import io.wafleet.common.json.WafleetJson;
import io.wafleet.session.session.RejectedCommandException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.time.Clock;

/**
 * The end of a command that could not be parsed or run: a {@code command.rejected} event for its
 * account (when the key or the command names a valid one) and the original record on
 * {@code wafleet.commands.dlt}, same partition. The partition moves on.
 */
@Component
class RejectedCommandRecoverer implements ConsumerRecordRecoverer {

    private static final Logger log = LoggerFactory.getLogger(RejectedCommandRecoverer.class);
    private static final int MAX_REASON = 200;

    private final EventPublisher publisher;
    private final DeadLetterPublishingRecoverer deadLetters;
    private final Clock clock;
    private final CommandMetrics metrics;

    RejectedCommandRecoverer(EventPublisher publisher, KafkaTemplate<String, Object> template, Clock clock,
                             CommandMetrics metrics) {
        this.publisher = publisher;
        this.clock = clock;
        this.metrics = metrics;
        this.deadLetters = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.COMMANDS_DLT, record.partition()));
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception exception) {
        DeserializationException unreadable = find(exception, DeserializationException.class);
        Command command = record.value() instanceof Command parsed ? parsed : null;
        try (CommandLogContext ignored = CommandLogContext.of(command)) {
            metrics.rejected(command);
            recover(record, exception, command, unreadable);
        }
    }

    private void recover(ConsumerRecord<?, ?> record, Exception exception, Command command, DeserializationException unreadable) {
        String commandId = command != null ? command.commandId() : commandIdIn(unreadable);
        String reason = reason(exception, unreadable);
        log.warn("Command rejected at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), reason);
        deadLetters.accept(record, exception);
        AccountId account = command != null ? command.accountId() : accountFromKey(record.key());
        if (account != null) {
            String sourceId = commandId != null ? commandId : record.topic() + "-" + record.partition() + "@" + record.offset();
            publisher.publish(Event.of(sourceId, account, clock.instant(), new CommandRejected(commandId, reason)));
        }
    }

    private static String reason(Exception exception, DeserializationException unreadable) {
        Throwable cause = unreadable != null ? unreadable : exception;
        while (cause.getCause() != null && cause != cause.getCause()) {
            cause = cause.getCause();
        }
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage().lines().findFirst().orElse("");
        String prefix = unreadable != null ? "malformed command: "
                : cause instanceof RejectedCommandException ? "invalid command: " : "command failed: ";
        String reason = prefix + detail;
        return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
    }

    private static String commandIdIn(DeserializationException unreadable) {
        if (unreadable == null || unreadable.getData() == null) {
            return null;
        }
        try {
            JsonNode id = WafleetJson.mapper().readTree(unreadable.getData()).get("command_id");
            return id != null && id.isString() ? id.asString() : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static AccountId accountFromKey(Object key) {
        return key instanceof String value && AccountId.isValid(value) ? AccountId.of(value) : null;
    }

    private static <T extends Throwable> T find(Throwable exception, Class<T> type) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
