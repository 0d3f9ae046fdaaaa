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

    private static WebhookWorkerProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("wafleet", WebhookWorkerProperties.class);
    }
}
