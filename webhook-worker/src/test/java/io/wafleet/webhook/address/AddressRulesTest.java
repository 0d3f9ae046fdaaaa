package io.wafleet.webhook.address;

import io.wafleet.common.webhook.WebhookAddresses;
import io.wafleet.webhook.TestProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddressRulesTest {

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1, loopback", "127.8.9.10, loopback", "::1, loopback",
            "10.1.2.3, private", "172.16.0.1, private", "172.31.255.255, private", "192.168.1.1, private",
            "169.254.169.254, cloud metadata", "fd00:ec2::254, cloud metadata",
            "169.254.10.10, link-local", "fe80::1, link-local",
            "fc00::1, unique-local", "fd12:3456::1, unique-local",
            "224.0.0.1, multicast", "ff02::1, multicast",
            "0.0.0.0, unspecified", "::, unspecified", "100.64.0.1, private (carrier-grade NAT)",
            "::ffff:127.0.0.1, loopback", "::ffff:10.0.0.1, private", "64:ff9b::a9fe:a9fe, cloud metadata"})
    void refusesNonPublicAddresses(String literal, String kind) throws UnknownHostException {
        assertThat(WebhookAddresses.refusal(InetAddress.getByName(literal))).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:2800:220:1:248:1893:25c8:1946"})
    void allowsPublicAddresses(String literal) throws UnknownHostException {
        assertThat(WebhookAddresses.refusal(InetAddress.getByName(literal))).isEmpty();
    }

    @Test
    void aUrlMustBeHttpOrHttpsWithAHost() {
        AddressGuard local = new AddressGuard(TestProperties.defaults());

        assertThat(local.check("https://hooks.example/in").getHost()).isEqualTo("hooks.example");
        assertThat(local.check("http://127.0.0.1:8080/hook").getPort()).isEqualTo(8080);
        assertThatThrownBy(() -> local.check("ftp://hooks.example/in")).isInstanceOf(RefusedAddressException.class)
                .hasMessageContaining("http or https");
        assertThatThrownBy(() -> local.check("file:///etc/passwd")).isInstanceOf(RefusedAddressException.class);
        assertThatThrownBy(() -> local.check("http:///nohost")).isInstanceOf(RefusedAddressException.class);
        assertThatThrownBy(() -> local.check("not a url")).isInstanceOf(RefusedAddressException.class);
    }

    @Test
    void productionRefusesPrivateLiteralsButLeavesNamesToTheResolver() {
        AddressGuard production = new AddressGuard(TestProperties.with(false, 8));
        try {
            assertThatThrownBy(() -> production.check("http://10.0.0.5/hook")).hasMessageContaining("private");
            assertThatThrownBy(() -> production.check("http://[::1]:8080/hook")).hasMessageContaining("loopback");
            assertThat(production.check("https://hooks.example/in")).isNotNull();
            assertThat(production.check("https://93.184.216.34/in")).isNotNull();
            assertThat(production.resolverGroup()).isNotNull();
        } finally {
            production.destroy();
        }
    }
}
