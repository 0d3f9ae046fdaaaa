package io.wafleet.session;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionWorkerPropertiesTest {

    @Test
    void defaultsKeepTheSandboxKeepaliveInsideTheLease() {
        SessionWorkerProperties properties = bind(Map.of());

        assertThat(properties.leases().duration()).isEqualTo(Duration.ofSeconds(6));
        assertThat(properties.leases().renewInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.leases().checkInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(properties.sandbox().keepaliveInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.sandbox().connectionTimeout()).isEqualTo(Duration.ofMillis(4500));
        assertThat(properties.kafka().sessionTimeout()).isEqualTo(Duration.ofSeconds(6));
        assertThat(properties.kafka().heartbeatInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(properties.restore().startsPerSecond()).isEqualTo(50);
        assertThat(properties.restore().burst()).isEqualTo(150);
    }

    @Test
    void shorterLeasesShortenTheDerivedSandboxTimeoutToo() {
        SessionWorkerProperties properties = bind(Map.of("wafleet.leases.duration", "3s",
                "wafleet.leases.renew-interval", "500ms", "wafleet.leases.safety-margin", "1s"));

        assertThat(properties.sandbox().keepaliveInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(properties.sandbox().connectionTimeout()).isEqualTo(Duration.ofMillis(2250));
    }

    @Test
    void aRenewIntervalThatCannotBeatTheDeadlineIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("wafleet.leases.renew-interval", "6s")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("renew-interval");
    }

    @Test
    void aSandboxConnectionOutlivingTheLeaseIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("wafleet.sandbox.connection-timeout", "5500ms")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("connection-timeout");
    }

    private static SessionWorkerProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("wafleet", SessionWorkerProperties.class);
    }
}
