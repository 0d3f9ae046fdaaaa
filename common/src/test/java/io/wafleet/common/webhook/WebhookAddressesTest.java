package io.wafleet.common.webhook;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;

/** Address literals only: {@link InetAddress#getByName} parses them without DNS. */
class WebhookAddressesTest {

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1, loopback", "127.10.20.30, loopback", "::1, loopback",
            "10.0.0.1, private", "10.255.255.255, private",
            "172.16.0.1, private", "172.31.255.254, private",
            "192.168.0.1, private", "192.168.255.255, private",
            "169.254.0.1, link-local", "169.254.169.254, cloud metadata", "fe80::1, link-local", "febf::1, link-local",
            "fc00::1, unique-local", "fd12:3456:789a::1, unique-local", "fec0::1, private",
            "224.0.0.1, multicast", "ff02::1, multicast",
            "0.0.0.0, unspecified", "::, unspecified", "0.1.2.3, unspecified",
            "100.64.0.1, private (carrier-grade NAT)", "255.255.255.255, broadcast",
            "::ffff:127.0.0.1, loopback", "::ffff:10.1.2.3, private", "::127.0.0.1, loopback",
            "64:ff9b::a9fe:a9fe, cloud metadata", "64:ff9b::c0a8:101, private"})
    void nonPublicAddressesAreNamed(String literal, String kind) throws Exception {
        assertThat(WebhookAddresses.refusal(InetAddress.getByName(literal))).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "93.184.216.34", "1.1.1.1", "172.15.255.255", "172.32.0.1", "192.169.0.1",
            "169.253.1.1", "100.63.255.255", "100.128.0.1", "11.0.0.1", "2606:4700:4700::1111",
            "2001:4860:4860::8888", "64:ff9b::808:808", "fbff::1"})
    void publicAddressesPass(String literal) throws Exception {
        assertThat(WebhookAddresses.refusal(InetAddress.getByName(literal))).isEmpty();
    }
}
