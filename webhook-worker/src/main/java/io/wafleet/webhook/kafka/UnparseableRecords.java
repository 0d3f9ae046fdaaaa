package io.wafleet.webhook.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/** Records that did not parse as an event: logged, counted and skipped, so they never hold a partition. */
@Component
class UnparseableRecords {

    private static final Logger log = LoggerFactory.getLogger(UnparseableRecords.class);

    private final Counter skipped;

    UnparseableRecords(MeterRegistry meters) {
        this.skipped = Counter.builder("wafleet.webhook.events.unparseable")
                .description("Records on wafleet.events (or a retry tier) that did not parse as an event and were skipped")
                .register(meters);
    }

    void skip(ConsumerRecord<String, ?> record) {
        skipped.increment();
        Header failure = record.headers().lastHeader(LenientDeserializer.FAILURE_HEADER);
        String cause = failure == null ? "empty value" : new String(failure.value(), StandardCharsets.UTF_8);
        log.warn("Skipped a record of {}-{} at offset {} (key {}): not an event: {}",
                record.topic(), record.partition(), record.offset(), record.key(), cause);
    }
}
