package io.wafleet.gateway.auth;

import io.wafleet.gateway.GatewayProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When the gateway refuses to start: anywhere but loopback, or in production, without an admin key. */
class ExposureTest {

    private static final GatewayProperties.Auth NO_KEY = new GatewayProperties.Auth(null);
    private static final GatewayProperties.Auth KEY = new GatewayProperties.Auth("k".repeat(Exposure.MIN_ADMIN_KEY_LENGTH));

    @Test
    void localModeOnLoopbackMayRunWithoutKeys() {
        assertThatCode(() -> Exposure.check(NO_KEY, false, "127.0.0.1")).doesNotThrowAnyException();
        assertThatCode(() -> Exposure.check(NO_KEY, false, "::1")).doesNotThrowAnyException();
        assertThatCode(() -> Exposure.check(new GatewayProperties.Auth("  "), false, "localhost")).doesNotThrowAnyException();
    }

    @Test
    void anyOtherAddressWithoutAKeyIsRefusedWithTheReason() {
        assertThatThrownBy(() -> Exposure.check(NO_KEY, false, "0.0.0.0"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refuses to start unprotected")
                .hasMessageContaining("0.0.0.0")
                .hasMessageContaining("WAFLEET_ADMIN_KEY");
        assertThatThrownBy(() -> Exposure.check(NO_KEY, false, null)).hasMessageContaining("every address");
        assertThatThrownBy(() -> Exposure.check(NO_KEY, false, "192.168.1.20")).hasMessageContaining("192.168.1.20");
    }

    @Test
    void productionWithoutAKeyIsRefusedEvenOnLoopback() {
        assertThatThrownBy(() -> Exposure.check(NO_KEY, true, "127.0.0.1"))
                .hasMessageContaining("production profile");
    }

    @Test
    void anAdminKeyAllowsAnyAddressIfItIsLongEnough() {
        assertThatCode(() -> Exposure.check(KEY, true, "0.0.0.0")).doesNotThrowAnyException();
        assertThatThrownBy(() -> Exposure.check(new GatewayProperties.Auth("short-admin-key"), true, "0.0.0.0"))
                .hasMessageContaining("too short")
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage()).doesNotContain("short-admin-key"));
    }
}
