package io.wafleet.common;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import io.wafleet.common.command.Command;
import io.wafleet.common.event.EventPayload;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.lang.reflect.RecordComponent;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/kafka-contract.md documents every command and event type with exactly the JSON fields the code
 * writes and reads, in the code's order: a field added, renamed or removed without the document fails here.
 */
class ContractDocumentationTest {

    private static final Path DOCUMENT = Path.of("..", "docs", "kafka-contract.md");
    private static final Pattern SECTION = Pattern.compile("^### `([a-z_.]+)`$", Pattern.MULTILINE);
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z_]+)` \\|", Pattern.MULTILINE);

    @Test
    void everyCommandIsDocumentedWithItsFields() throws IOException {
        Map<String, List<String>> documented = sections();
        for (JsonSubTypes.Type type : Command.class.getAnnotation(JsonSubTypes.class).value()) {
            List<String> fields = new ArrayList<>(List.of("type"));
            fields.addAll(jsonFields(type.value()));
            assertThat(documented).as("section of command %s", type.name()).containsKey(type.name());
            assertThat(documented.get(type.name())).as("fields of command %s", type.name()).isEqualTo(fields);
        }
    }

    @Test
    void everyEventIsDocumentedWithItsPayloadFields() throws IOException {
        Map<String, List<String>> documented = sections();
        for (JsonSubTypes.Type type : EventPayload.class.getAnnotation(JsonSubTypes.class).value()) {
            assertThat(documented).as("section of event %s", type.name()).containsKey(type.name());
            assertThat(documented.get(type.name())).as("fields of event %s", type.name()).isEqualTo(jsonFields(type.value()));
        }
    }

    @Test
    void nothingIsDocumentedThatTheCodeDoesNotHave() throws IOException {
        List<String> known = new ArrayList<>();
        for (Class<?> base : List.of(Command.class, EventPayload.class)) {
            Arrays.stream(base.getAnnotation(JsonSubTypes.class).value()).map(JsonSubTypes.Type::name).forEach(known::add);
        }
        assertThat(known).containsExactlyInAnyOrderElementsOf(sections().keySet());
    }

    /** Section title to the field names of its table, in order (a section ends at the next heading). */
    private static Map<String, List<String>> sections() throws IOException {
        String text = Files.readString(DOCUMENT);
        Map<String, List<String>> sections = new LinkedHashMap<>();
        Matcher title = SECTION.matcher(text);
        while (title.find()) {
            int next = text.indexOf("\n#", title.end());
            Matcher rows = ROW.matcher(text.substring(title.end(), next < 0 ? text.length() : next));
            List<String> fields = new ArrayList<>();
            while (rows.find()) {
                fields.add(rows.group(1));
            }
            sections.put(title.group(1), fields);
        }
        return sections;
    }

    /** The record's components as JSON names (snake_case, as {@code WafleetJson} writes them). */
    private static List<String> jsonFields(Class<?> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                .map(name -> name.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT)).toList();
    }
}
