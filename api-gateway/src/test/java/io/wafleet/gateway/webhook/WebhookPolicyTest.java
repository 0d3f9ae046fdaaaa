package io.wafleet.gateway.webhook;

import io.wafleet.gateway.web.ApiException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookPolicyTest {

    @Test
    void absentPartsMeanTheDefaultsAndAreNotStored() {
        WebhookPolicy policy = WebhookPolicy.of(null, null, null);
        assertThat(policy).isEqualTo(WebhookPolicy.DEFAULT);
        assertThat(policy.appendTo(new Document())).isEmpty();
    }

    @Test
    void aFullPolicyIsKeptAndReadBack() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer abc.def");
        headers.put("X-Tenant", "t-1");
        WebhookPolicy policy = WebhookPolicy.of(List.of("message", "session.status", "message"), 50, headers);
        assertThat(policy.events()).containsExactly("message", "session.status");
        assertThat(policy.maxAttempts()).isEqualTo(50);
        assertThat(policy.headers()).containsExactly(Map.entry("Authorization", "Bearer abc.def"),
                Map.entry("X-Tenant", "t-1"));
        Document stored = policy.appendTo(new Document());
        assertThat(stored.getInteger("max_attempts")).isEqualTo(50);
        assertThat(WebhookPolicy.from(stored)).isEqualTo(policy);
    }

    @Test
    void everyKnownEventTypeIsAccepted() {
        List<String> all = List.of("message", "message.ack", "message.sent", "message.failed", "message.reaction",
                "message.revoked", "message.edited", "message.action", "chat_presence", "group.participants", "session.status",
                "session.qr", "session.pair_code", "command.rejected");
        assertThat(WebhookPolicy.of(all, null, null).events()).containsExactlyElementsOf(all);
    }

    @Test
    void anUnknownEventTypeIsNamed() {
        refused(() -> WebhookPolicy.of(List.of("message", "message.deleted"), null, null), "'message.deleted'");
        refused(() -> WebhookPolicy.of(List.of("MESSAGE"), null, null), "'MESSAGE'");
        refused(() -> WebhookPolicy.of(Arrays.asList("message", null), null, null), "unknown event type");
    }

    @Test
    void anEmptyEventListIsRefused() {
        refused(() -> WebhookPolicy.of(List.of(), null, null), "events must not be empty");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 50})
    void maxAttemptsFromOneToFifty(int attempts) {
        assertThat(WebhookPolicy.of(null, attempts, null).maxAttempts()).isEqualTo(attempts);
    }

    @Test
    void maxAttemptsOutOfRangeOrFractionalIsRefused() {
        for (Number bad : new Number[]{0, -1, 51, 2.5, 1e12, Long.MAX_VALUE}) {
            refused(() -> WebhookPolicy.of(null, bad, null), "max_attempts must be a whole number from 1 to 50");
        }
        assertThat(WebhookPolicy.of(null, 3.0, null).maxAttempts()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Content-Type", "content-length", "HOST", "X-Hub-Signature-256", "x-account-id",
            "X-Webhook-Id", "x-webhook-anything", "webhook-signature", "Webhook-Id", "Transfer-Encoding", "Connection"})
    void reservedHeaderNamesAreRefusedWhateverTheCase(String name) {
        refused(() -> WebhookPolicy.of(null, null, Map.of(name, "v")), "'" + name + "' is reserved");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\r\nX-Injected: 1", "line\nbreak", "carriage\rreturn", "nul\u0000", "caf\u00e9"})
    void headerValuesWithLineBreaksOrControlCharactersAreRefused(String value) {
        refused(() -> WebhookPolicy.of(null, null, Map.of("X-Custom", value)), "the value of 'X-Custom'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bad Name", "X-Colon:", "", "X-Dot.Name", "$where", "Ünicode", "X\r\nY"})
    void headerNamesMustBeTokens(String name) {
        refused(() -> WebhookPolicy.of(null, null, Map.of(name, "v")), "is not a valid header name");
    }

    @Test
    void headerRulesOnCountDuplicatesAndValues() {
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 21; i++) {
            many.put("X-H" + i, "v");
        }
        refused(() -> WebhookPolicy.of(null, null, many), "at most 20");
        many.remove("X-H20");
        assertThat(WebhookPolicy.of(null, null, many).headers()).hasSize(20);

        Map<String, String> twice = new LinkedHashMap<>();
        twice.put("X-Tenant", "a");
        twice.put("x-tenant", "b");
        refused(() -> WebhookPolicy.of(null, null, twice), "given twice");

        Map<String, String> nullValue = new LinkedHashMap<>();
        nullValue.put("X-Tenant", null);
        refused(() -> WebhookPolicy.of(null, null, nullValue), "needs a string value");

        assertThat(WebhookPolicy.of(null, null, Map.of("X-Empty", "", "X-Tab", "a\tb")).headers()).hasSize(2);
        assertThat(WebhookPolicy.of(null, null, Map.of()).headers()).isNull();
        assertThat(new ArrayList<>(WebhookPolicy.of(null, null, Map.of("Authorization", "Bearer x")).headers().keySet()))
                .containsExactly("Authorization");
    }

    private static void refused(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status().value()).isEqualTo(400);
            assertThat(e.getMessage()).contains(message);
        });
    }
}
