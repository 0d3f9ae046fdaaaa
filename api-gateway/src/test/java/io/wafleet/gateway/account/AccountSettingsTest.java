package io.wafleet.gateway.account;

import io.wafleet.gateway.account.AccountSettings.CloudApiRequest;
import io.wafleet.gateway.web.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The input rules of {@code transport}, {@code proxy} and {@code cloud_api} on {@code POST /accounts}. */
class AccountSettingsTest {

    private static final CloudApiRequest CLOUD = new CloudApiRequest("106540352242922", "EAAtoken", "app-secret", "verify-me");

    @Test
    void anAccountWithoutTransportGetsTheConfiguredDefault() {
        assertThat(AccountSettings.parse(null, null, null, "sandbox").transport()).isEqualTo(Transport.SANDBOX);
        assertThat(AccountSettings.parse(null, null, null, "linked_device").transport()).isEqualTo(Transport.LINKED_DEVICE);
        assertThat(AccountSettings.parse(null, null, null, "sandbox").secrets()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Sandbox", "cloud-api", "whatsapp", " sandbox"})
    void anUnknownTransportIsRefusedNamingTheAllowedOnes(String transport) {
        refused(() -> AccountSettings.parse(transport, null, null, "sandbox"),
                "transport must be sandbox, linked_device or cloud_api");
    }

    @Test
    void aProxyIsKeptWhole_asASecret_andShownWithoutItsPassword() {
        AccountSettings settings = AccountSettings.parse("linked_device", "socks5://alice:pa55@proxy.example.com:1080", null, "sandbox");
        assertThat(settings.publicProxy()).isEqualTo("socks5://proxy.example.com:1080");
        assertThat(settings.secrets()).containsExactly(Map.entry("proxy", "socks5://alice:pa55@proxy.example.com:1080"));
        assertThat(AccountSettings.parse("cloud_api", "http://10.0.0.1:3128", CLOUD, "sandbox").publicProxy())
                .isEqualTo("http://10.0.0.1:3128");
    }

    @Test
    void aSandboxAccountHasNoProxy() {
        refused(() -> AccountSettings.parse("sandbox", "socks5://proxy.example.com:1080", null, "sandbox"), "proxy");
        refused(() -> AccountSettings.parse(null, "socks5://proxy.example.com:1080", null, "sandbox"), "proxy");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "proxy.example.com:1080", "https://proxy.example.com:443", "socks4://h:1080",
            "socks5://proxy.example.com", "socks5://:1080", "http://h:1080/path", "http://h:1080?x=1", "http://h:70000",
            "socks5://bob:se cret@h:1080", "not a uri at all"})
    void aMalformedProxyIsRefusedWithoutRepeatingIt(String proxy) {
        assertThatThrownBy(() -> AccountSettings.parse("linked_device", proxy, null, "sandbox"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.getMessage()).startsWith("proxy must be").doesNotContain("se cret");
                });
    }

    @Test
    void aCloudAccountSealsItsThreeSecrets() {
        AccountSettings settings = AccountSettings.parse("cloud_api", "socks5://u:p@h:1080", CLOUD, "sandbox");
        assertThat(settings.cloudApi().phoneNumberId()).isEqualTo("106540352242922");
        assertThat(settings.secrets()).containsExactly(Map.entry("proxy", "socks5://u:p@h:1080"),
                Map.entry("access_token", "EAAtoken"), Map.entry("app_secret", "app-secret"),
                Map.entry("verify_token", "verify-me"));
        assertThat(AccountSettings.parse("cloud_api", null, CLOUD, "sandbox").secrets()).doesNotContainKey("proxy");
    }

    @Test
    void cloudApiIsRequiredForAndOnlyAllowedWithTheCloudTransport() {
        refused(() -> AccountSettings.parse("cloud_api", null, null, "sandbox"), "cloud_api is required");
        refused(() -> AccountSettings.parse("sandbox", null, CLOUD, "sandbox"), "cloud_api is only allowed");
        refused(() -> AccountSettings.parse("linked_device", null, CLOUD, "sandbox"), "cloud_api is only allowed");
        refused(() -> AccountSettings.parse(null, null, CLOUD, "sandbox"), "cloud_api is only allowed");
    }

    @Test
    void everyCloudFieldIsCheckedAndNamed() {
        String tooLong = "x".repeat(257);
        refused(cloud(null, "t", "s", "v"), "cloud_api.phone_number_id");
        refused(cloud("", "t", "s", "v"), "cloud_api.phone_number_id");
        refused(cloud("12a4", "t", "s", "v"), "cloud_api.phone_number_id");
        refused(cloud("1".repeat(33), "t", "s", "v"), "cloud_api.phone_number_id");
        refused(cloud("1", null, "s", "v"), "cloud_api.access_token");
        refused(cloud("1", " ", "s", "v"), "cloud_api.access_token");
        refused(cloud("1", "t".repeat(4097), "s", "v"), "cloud_api.access_token");
        refused(cloud("1", "t", null, "v"), "cloud_api.app_secret");
        refused(cloud("1", "t", tooLong, "v"), "cloud_api.app_secret");
        refused(cloud("1", "t", "s", ""), "cloud_api.verify_token");
        refused(cloud("1", "t", "s", tooLong), "cloud_api.verify_token");
        assertThat(cloud("1".repeat(32), "t".repeat(4096), "s".repeat(256), "v".repeat(256)).parse().cloudApi()).isNotNull();
    }

    private interface Parse {
        AccountSettings parse();
    }

    private static Parse cloud(String phoneNumberId, String token, String appSecret, String verifyToken) {
        return () -> AccountSettings.parse("cloud_api", null,
                new CloudApiRequest(phoneNumberId, token, appSecret, verifyToken), "sandbox");
    }

    private static void refused(Parse parse, String message) {
        assertThatThrownBy(parse::parse).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status().value()).isEqualTo(400);
            assertThat(e.getMessage()).startsWith(message);
        });
    }
}
