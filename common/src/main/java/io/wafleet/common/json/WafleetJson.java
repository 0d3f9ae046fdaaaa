package io.wafleet.common.json;

import io.wafleet.common.command.Command;
import io.wafleet.common.event.AccountConfigChanged;
import io.wafleet.common.event.Event;
import io.wafleet.common.event.Reply;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of the contract: snake_case names, ISO-8601 instants, unknown fields ignored (newer
 * producers may add fields), and Kafka serializers that rely on the body's own type field, never on
 * spring-kafka's type headers.
 */
public final class WafleetJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private WafleetJson() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static <T> JacksonJsonSerializer<T> serializer() {
        JacksonJsonSerializer<T> serializer = new JacksonJsonSerializer<>(MAPPER);
        serializer.setAddTypeInfo(false);
        return serializer;
    }

    public static JacksonJsonDeserializer<Command> commandDeserializer() {
        return deserializer(Command.class);
    }

    public static JacksonJsonDeserializer<Event> eventDeserializer() {
        return deserializer(Event.class);
    }

    public static JacksonJsonDeserializer<Reply> replyDeserializer() {
        return deserializer(Reply.class);
    }

    public static JacksonJsonDeserializer<AccountConfigChanged> configDeserializer() {
        return deserializer(AccountConfigChanged.class);
    }

    private static <T> JacksonJsonDeserializer<T> deserializer(Class<T> type) {
        JacksonJsonDeserializer<T> deserializer = new JacksonJsonDeserializer<>(type, MAPPER, false);
        deserializer.ignoreTypeHeaders();
        return deserializer;
    }
}
