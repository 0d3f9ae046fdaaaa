package io.wafleet.webhook;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookWorkerPropertiesTest {

    @Test
    void aGlobalWebhookWithoutItsSecretIsRefusedSayingWhatToSet() {
        assertThatThrownBy(() -> bind(Map.of("wafleet.webhook.global-url", "http://127.0.0.1:8080/hook")))
                .isInstanceOf(BindException.class).rootCause()
                .hasMessageContaining("WAFLEET_GLOBAL_WEBHOOK_SECRET").hasMessageContaining("global-url");
    }

    @Test
    void aGlobalWebhookWithItsSecretOrNoGlobalWebhookAtAllIsAccepted() {
        assertThat(bind(Map.of("wafleet.webhook.global-url", "http://127.0.0.1:8080/hook",
                "wafleet.webhook.global-secret", "s3cret")).webhook().hasGlobal()).isTrue();
        assertThat(bind(Map.of("wafleet.webhook.global-url", "")).webhook().hasGlobal()).isFalse();
        assertThat(bind(Map.of()).webhook().hasGlobal()).isFalse();
    }

    @Test
    void theMasterKeySettingsDefaultToTheDataDirectoryAndNeverPrintAKey() {
        assertThat(bind(Map.of()).credentials().dataDir()).isEqualTo("./data");
        assertThat(bind(Map.of()).credentials().keyFileAllowed()).isTrue();
        WebhookWorkerProperties configured = bind(Map.of("wafleet.credentials.master-key", "a2V5LWEta2V5LWEta2V5LWEta2V5LWEta2V5LWE=",
                "wafleet.credentials.previous-keys", "b2xkLW9sZC1vbGQtb2xkLW9sZC1vbGQtb2xkLW9sZA==",
                "wafleet.credentials.key-file-allowed", "false"));

        assertThat(configured.credentials().keyFileAllowed()).isFalse();
        assertThat(configured.credentials().previousKeys()).startsWith("b2xk");
        assertThat(configured.toString()).doesNotContain("a2V5").doesNotContain("b2xk");
    }

    private static WebhookWorkerProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("wafleet", WebhookWorkerProperties.class);
    }
}
