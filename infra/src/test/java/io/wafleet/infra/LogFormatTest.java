package io.wafleet.infra;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import io.wafleet.common.json.WafleetJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole-fleet jar's console: text by default, JSON lines with the MDC's ids when {@code WAFLEET_LOG_FORMAT=json}. */
class LogFormatTest {

    @Test
    void jsonFormatLogsOneObjectALineWithTheAccountFromTheMdc() throws Exception {
        List<String> lines = logWith("json");

        assertThat(lines).hasSize(1);
        JsonNode line = WafleetJson.mapper().readTree(lines.getFirst());
        assertThat(line.path("level").asString()).isEqualTo("INFO");
        assertThat(line.path("formattedMessage").asString()).isEqualTo("Account acct-log is logged_in");
        assertThat(line.path("mdc").path("account_id").asString()).isEqualTo("acct-log");
        assertThat(line.path("mdc").path("command_id").asString()).isEqualTo("cmd-1");
    }

    @Test
    void textIsTheDefault() throws Exception {
        List<String> lines = logWith(null);

        assertThat(lines).singleElement().satisfies(line -> assertThat(line)
                .doesNotStartWith("{").contains("INFO").endsWith(": Account acct-log is logged_in"));
    }

    private static List<String> logWith(String format) throws Exception {
        LoggerContext context = new LoggerContext();
        // a context of this test's own (not the JVM's): its MDC is its own too
        LogbackMDCAdapter mdc = new LogbackMDCAdapter();
        context.setMDCAdapter(mdc);
        if (format != null) {
            context.putProperty("WAFLEET_LOG_FORMAT", format);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream console = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
            mdc.put("account_id", "acct-log");
            mdc.put("command_id", "cmd-1");
            context.getLogger("io.wafleet.test").info("Account {} is {}", "acct-log", "logged_in");
        } finally {
            mdc.clear();
            context.stop();
            System.setOut(console);
        }
        return out.toString(StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList();
    }
}
