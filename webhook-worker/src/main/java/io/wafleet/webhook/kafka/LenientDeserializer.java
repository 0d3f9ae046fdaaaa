package io.wafleet.webhook.kafka;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A value that does not parse becomes null, with why in the header {@value #FAILURE_HEADER}, and
 * reaches the listener like any other record. spring-kafka's {@code ErrorHandlingDeserializer} would
 * send it to the error handler instead, which acknowledges it there and then: with deliveries still
 * in flight before it, that would commit past them.
 */
final class LenientDeserializer<T> implements Deserializer<T> {

    static final String FAILURE_HEADER = "wafleet-deserialization-failure";

    private final Deserializer<T> delegate;

    LenientDeserializer(Deserializer<T> delegate) {
        this.delegate = delegate;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        delegate.configure(configs, isKey);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        return deserialize(topic, null, data);
    }

    @Override
    public T deserialize(String topic, Headers headers, byte[] data) {
        try {
            return delegate.deserialize(topic, headers, data);
        } catch (RuntimeException failure) {
            if (headers != null) {
                Throwable root = failure;
                while (root.getCause() != null && root.getCause() != root) {
                    root = root.getCause();
                }
                headers.add(FAILURE_HEADER, String.valueOf(root.getMessage()).getBytes(StandardCharsets.UTF_8));
            }
            return null;
        }
    }

    @Override
    public void close() {
        delegate.close();
    }
}
