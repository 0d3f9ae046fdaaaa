package io.wafleet.common.json;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.wafleet.common.AccountId;
import io.wafleet.common.command.Command;
import io.wafleet.common.command.ContactCard;
import io.wafleet.common.command.GeoLocation;
import io.wafleet.common.command.MediaRef;
import io.wafleet.common.command.PollSpec;
import io.wafleet.common.command.ReplyTo;
import io.wafleet.common.command.SendMessage;
import io.wafleet.common.connector.GroupInfo;
import io.wafleet.common.connector.ParticipantResult;
import io.wafleet.common.connector.SessionStatus;
import io.wafleet.common.connector.WhatsAppUser;
import io.wafleet.common.event.AccountConfigChanged;
import io.wafleet.common.event.Event;
import io.wafleet.common.event.EventPayload;
import io.wafleet.common.event.MessageSent;
import io.wafleet.common.event.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.jsonFormatVisitors.JsonFormatVisitorWrapper;
import tools.jackson.databind.jsonFormatVisitors.JsonObjectFormatVisitor;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * docs/schema/wafleet-contract-v1.schema.json, the contract as JSON Schema, matches the code: every
 * example record of {@link ContractSerdeTest}, as {@link WafleetJson} writes it, is valid; every command
 * and event type has a definition with exactly the record's JSON fields; and broken records are rejected.
 */
class ContractSchemaTest {

    private static final Path DOCUMENT = Path.of("..", "docs", "schema", "wafleet-contract-v1.schema.json");
    private static final AccountId ACCOUNT = AccountId.of("whatsapp_bisnis");
    private static final Instant AT = Instant.parse("2026-11-26T05:00:00Z");
    private static final JsonNode SCHEMA = read(DOCUMENT);
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemas(Map.of(SCHEMA.get("$id").asString(), SCHEMA.toString()))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    /** The records' definitions beside those of the command and event types. */
    private static final Map<String, Class<?>> OBJECTS = Map.ofEntries(
            Map.entry("reply", Reply.class), Map.entry("account_config", AccountConfigChanged.class),
            Map.entry("reply_to", ReplyTo.class), Map.entry("media_ref", MediaRef.class), Map.entry("location", GeoLocation.class),
            Map.entry("contact", ContactCard.class), Map.entry("poll", PollSpec.class), Map.entry("user", WhatsAppUser.class),
            Map.entry("group", GroupInfo.class), Map.entry("group_participant", GroupInfo.Participant.class),
            Map.entry("participant_result", ParticipantResult.class));

    @Test
    void theDocumentIsADraft202012Schema() {
        assertThat(SCHEMA.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(errors(REGISTRY.getSchema(SchemaLocation.of(SCHEMA.get("$schema").asString())), SCHEMA)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("io.wafleet.common.json.ContractSerdeTest#commands")
    void everyExampleCommandIsValid(Command command) {
        JsonNode json = WafleetJson.mapper().readTree(WafleetJson.<Command>serializer().serialize("t", command));
        assertThat(errors("command", json)).as("%s", json).isEmpty();
        assertThat(errors(root(), json)).as("%s against the root", json).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("io.wafleet.common.json.ContractSerdeTest#payloads")
    void everyExampleEventIsValidInItsEnvelope(EventPayload payload) {
        JsonNode json = event(payload);
        assertThat(errors("event", json)).as("%s", json).isEmpty();
        assertThat(errors(root(), json)).as("%s against the root", json).isEmpty();
    }

    @Test
    void repliesAndConfigChangesAreValid() {
        GroupInfo group = new GroupInfo("120363021234567890@g.us", "Tim Jualan", "6281234567890@s.whatsapp.net", AT,
                List.of(new GroupInfo.Participant("6281234567890@s.whatsapp.net", "6281234567890", true, true)));
        List<Reply> replies = List.of(
                new Reply("corr-1", ACCOUNT, Reply.SCHEMA_VERSION, SessionStatus.SCAN_QR, "2@abc", 60, null, null, null),
                new Reply("corr-2", ACCOUNT, Reply.SCHEMA_VERSION, null, null, null, null, "not_member", "not a member"),
                Reply.user("corr-3", ACCOUNT, new WhatsAppUser("6289876543210", true, "6289876543210@s.whatsapp.net", "Toko Budi",
                        "Hai", "available", AT, List.of("6289876543210:1@s.whatsapp.net"))),
                Reply.user("corr-4", ACCOUNT, WhatsAppUser.notOnWhatsApp("6280000000000")),
                Reply.group("corr-5", ACCOUNT, group, List.of(ParticipantResult.success("6289876543210@s.whatsapp.net"),
                        ParticipantResult.error("6281111111111@s.whatsapp.net", "not_on_whatsapp"))));
        for (Reply reply : replies) {
            JsonNode json = WafleetJson.mapper().readTree(WafleetJson.<Reply>serializer().serialize("t", reply));
            assertThat(errors("reply", json)).as("%s", json).isEmpty();
            assertThat(errors(root(), json)).as("%s against the root", json).isEmpty();
        }
        JsonNode change = WafleetJson.mapper().valueToTree(new AccountConfigChanged(ACCOUNT, 1, AT, false));
        assertThat(errors("account_config", change)).isEmpty();
        assertThat(errors(root(), change)).isEmpty();
    }

    @Test
    void everyCommandTypeIsDefinedWithItsFields() {
        for (JsonSubTypes.Type type : Command.class.getAnnotation(JsonSubTypes.class).value()) {
            List<String> fields = new ArrayList<>(List.of("type"));
            fields.addAll(jsonFields(type.value()));
            assertThat(properties("command." + type.name())).as("properties of command %s", type.name())
                    .containsExactlyInAnyOrderElementsOf(fields);
            assertThat(SCHEMA.at("/$defs/command." + type.name() + "/properties/type/const").asString()).isEqualTo(type.name());
        }
        assertThat(unionOf("command", "type", "command.")).containsExactlyInAnyOrderElementsOf(typeNames(Command.class));
    }

    @Test
    void everyEventTypeIsDefinedWithItsPayloadFields() {
        for (JsonSubTypes.Type type : EventPayload.class.getAnnotation(JsonSubTypes.class).value()) {
            assertThat(properties("payload." + type.name())).as("properties of event %s", type.name())
                    .containsExactlyInAnyOrderElementsOf(jsonFields(type.value()));
        }
        assertThat(unionOf("event", "event", "payload.")).containsExactlyInAnyOrderElementsOf(typeNames(EventPayload.class));
        List<String> envelope = new ArrayList<>(List.of("event"));
        envelope.addAll(jsonFields(Event.class));
        assertThat(properties("event")).containsExactlyInAnyOrderElementsOf(envelope);
    }

    @Test
    void everyOtherObjectIsDefinedWithItsFields() {
        OBJECTS.forEach((definition, type) -> assertThat(properties(definition)).as("properties of %s", definition)
                .containsExactlyInAnyOrderElementsOf(jsonFields(type)));
    }

    @Test
    void everyRequiredFieldIsAProperty() {
        SCHEMA.get("$defs").properties().forEach(definition -> {
            JsonNode required = definition.getValue().path("required");
            required.forEach(name -> assertThat(definition.getValue().path("properties").has(name.asString()))
                    .as("%s requires %s", definition.getKey(), name.asString()).isTrue());
        });
    }

    static Stream<Arguments> brokenRecords() {
        return Stream.of(
                arguments("no command_id", "command", (Consumer<ObjectNode>) json -> json.remove("command_id")),
                arguments("an unknown type", "command", (Consumer<ObjectNode>) json -> json.put("type", "send.telegram")),
                arguments("a phone with letters", "command", (Consumer<ObjectNode>) json -> json.put("phone", "62812345678ab")),
                arguments("a number for a text", "command", (Consumer<ObjectNode>) json -> json.put("message", 42)),
                arguments("a text over its limit", "command", (Consumer<ObjectNode>) json -> json.put("message", "x".repeat(65_537))),
                arguments("an account id with a space", "command", (Consumer<ObjectNode>) json -> json.put("account_id", "my account")),
                arguments("schema_version 2", "command", (Consumer<ObjectNode>) json -> json.put("schema_version", 2)),
                arguments("an expiry that is no instant", "command", (Consumer<ObjectNode>) json -> json.put("expires_at", "tomorrow")),
                arguments("an event without payload", "event", (Consumer<ObjectNode>) json -> json.remove("payload")),
                arguments("a payload of another type", "event", (Consumer<ObjectNode>) json -> json.put("event", "message.failed")),
                arguments("a payload without a required field", "event",
                        (Consumer<ObjectNode>) json -> ((ObjectNode) json.get("payload")).remove("to")),
                arguments("an unknown message_type", "event",
                        (Consumer<ObjectNode>) json -> ((ObjectNode) json.get("payload")).put("message_type", "hologram")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRecords")
    void brokenRecordsAreRejected(String broken, String definition, Consumer<ObjectNode> breaking) {
        ObjectNode json = (ObjectNode) ("command".equals(definition)
                ? WafleetJson.mapper().valueToTree(new SendMessage("c1", ACCOUNT, 1, "3EB0AAAA", "6281234567890", "Hello", AT))
                : event(new MessageSent("3EB0AAAA", "6281234567890@s.whatsapp.net", "text")));
        assertThat(errors(definition, json)).as("before breaking it").isEmpty();
        breaking.accept(json);
        assertThat(errors(definition, json)).as("%s: %s", broken, json).isNotEmpty();
        assertThat(errors(root(), json)).as("%s against the root: %s", broken, json).isNotEmpty();
    }

    private static JsonNode event(EventPayload payload) {
        return WafleetJson.mapper().readTree(WafleetJson.<Event>serializer().serialize("t", Event.of("c1", ACCOUNT, AT, payload)));
    }

    private static Schema root() {
        return REGISTRY.getSchema(SchemaLocation.of(SCHEMA.get("$id").asString()));
    }

    private static List<String> errors(String definition, JsonNode json) {
        return errors(REGISTRY.getSchema(SchemaLocation.of(SCHEMA.get("$id").asString() + "#/$defs/" + definition)), json);
    }

    private static List<String> errors(Schema schema, JsonNode json) {
        return schema.validate(json).stream().map(Error::toString).toList();
    }

    private static List<String> properties(String definition) {
        assertThat(SCHEMA.get("$defs").has(definition)).as("%s defines %s", DOCUMENT, definition).isTrue();
        JsonNode properties = SCHEMA.get("$defs").get(definition).path("properties");
        return List.copyOf(properties.propertyNames());
    }

    /** The types a union definition names: its discriminator's enum, checked against its oneOf branches. */
    private static List<String> unionOf(String definition, String discriminator, String branchPrefix) {
        JsonNode union = SCHEMA.get("$defs").get(definition);
        List<String> named = union.at("/properties/" + discriminator + "/enum").valueStream().map(JsonNode::asString).toList();
        List<String> branches = union.get("oneOf").valueStream().map(branch -> branch.has("$ref") ? branch.get("$ref").asString()
                : branch.at("/properties/payload/$ref").asString()).map(ref -> ref.substring(ref.lastIndexOf('/') + 1)).toList();
        assertThat(branches).as("oneOf of %s", definition)
                .containsExactlyInAnyOrderElementsOf(named.stream().map(name -> branchPrefix + name).toList());
        return named;
    }

    private static List<String> typeNames(Class<?> base) {
        return Arrays.stream(base.getAnnotation(JsonSubTypes.class).value()).map(JsonSubTypes.Type::name).toList();
    }

    /** The JSON fields of a record as {@link WafleetJson} writes them (type ids aside). */
    private static List<String> jsonFields(Class<?> type) {
        Set<String> names = new LinkedHashSet<>();
        WafleetJson.mapper().acceptJsonFormatVisitor(type, new JsonFormatVisitorWrapper.Base() {
            @Override
            public JsonObjectFormatVisitor expectObjectFormat(JavaType objectType) {
                return new JsonObjectFormatVisitor.Base(getContext()) {
                    @Override
                    public void property(BeanProperty property) {
                        names.add(property.getName());
                    }

                    @Override
                    public void optionalProperty(BeanProperty property) {
                        names.add(property.getName());
                    }
                };
            }
        });
        return List.copyOf(names);
    }

    private static JsonNode read(Path path) {
        try {
            return WafleetJson.mapper().readTree(Files.readString(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
