package io.wafleet.gateway.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputsTest {

    @ParameterizedTest
    @ValueSource(strings = {"12345678", "628123456789012", "6281234567890@s.whatsapp.net",
            "120363025246125486@g.us", "6281234567890-1618270000@g.us"})
    void acceptsPhonesAndWhatsAppIds(String phone) {
        assertThat(Inputs.phone(phone, "phone")).isEqualTo(phone);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567", "1234567890123456", "+6281234567890", "62 812 3456", "abcdefghij",
            "1234567@s.whatsapp.net", "6281234567890@whatsapp.net", "@g.us", "62812345678@s.whatsapp.net ", ""})
    void refusesOtherPhones(String phone) {
        assertThatThrownBy(() -> Inputs.phone(phone, "phone"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.getMessage()).startsWith("phone ");
                });
    }

    @Test
    void pairingNeedsPlainDigits() {
        assertThat(Inputs.phoneNumber("6281234567890", "phone_number")).isEqualTo("6281234567890");
        assertThatThrownBy(() -> Inputs.phoneNumber("6281234567890@s.whatsapp.net", "phone_number"))
                .isInstanceOf(ApiException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "whatsapp_bisnis", "acc-1", "A_b-9"})
    void acceptsAccountIds(String id) {
        assertThat(Inputs.accountId(id, "account_id").value()).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "a.b", "ä", "a/b",
            "12345678901234567890123456789012345678901234567890123456789012345"})
    void refusesOtherAccountIds(String id) {
        assertThatThrownBy(() -> Inputs.accountId(id, "account_id"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(400));
    }

    @Test
    void refusesMissingAccountId() {
        assertThatThrownBy(() -> Inputs.accountId(null, "account_id")).hasMessageContaining("required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/x", "example.com/hook", "/relative", "http://", "https:///path",
            "http://exa mple.com", "javascript:alert(1)"})
    void refusesNonHttpUrls(String url) {
        assertThatThrownBy(() -> Inputs.httpUrl(url, "webhook_url")).isInstanceOf(ApiException.class);
    }

    @Test
    void acceptsHttpAndHttpsUrls() {
        assertThat(Inputs.httpUrl("https://yourbusiness.com/webhook", "webhook_url").getHost())
                .isEqualTo("yourbusiness.com");
        assertThat(Inputs.httpUrl("http://127.0.0.1:8080/hook?x=1", "webhook_url").getPort()).isEqualTo(8080);
    }

    @Test
    void textMustNotBeBlankNorTooLong() {
        assertThatThrownBy(() -> Inputs.text("  ", "secret", 10)).hasMessageContaining("blank");
        assertThatThrownBy(() -> Inputs.text("x".repeat(11), "secret", 10)).hasMessageContaining("at most 10");
        assertThat(Inputs.text("s3cret", "secret", 10)).isEqualTo("s3cret");
    }
}
