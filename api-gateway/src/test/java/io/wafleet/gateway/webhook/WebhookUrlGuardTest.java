package io.wafleet.gateway.webhook;

import io.wafleet.gateway.web.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The guard as production runs it ({@code wafleet.webhook.allow-private-addresses=false}), with a fake DNS. */
class WebhookUrlGuardTest {

    private static final Map<String, String> DNS = Map.of(
            "hooks.example.com", "93.184.216.34",
            "internal.example.com", "10.0.0.5",
            "metadata.example.com", "169.254.169.254",
            "v6.example.com", "fd00::5");

    private final WebhookUrlGuard production = new WebhookUrlGuard(false, Duration.ofSeconds(2), WebhookUrlGuardTest::resolve);

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/hook", "http://127.0.0.1:8080/x?y=1", "https://[::1]/hook",
            "http://10.1.2.3/", "http://172.16.5.4/", "http://192.168.1.10/", "http://169.254.169.254/latest/meta-data",
            "http://[fd00::1]/", "http://[fe80::1]/", "http://0.0.0.0/", "http://[::ffff:127.0.0.1]/",
            "https://internal.example.com/hook", "https://metadata.example.com/", "https://v6.example.com/"})
    void privateTargetsAreRefusedSayingSo(String url) {
        assertThatThrownBy(() -> production.check(URI.create(url)).block())
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.getMessage()).startsWith("webhook_url must not point at a private address")
                            .contains("allow-private-addresses=false");
                });
    }

    @Test
    void theMessageNamesTheAddressAndItsKind() {
        assertThatThrownBy(() -> production.check(URI.create("http://127.0.0.1/hook")).block())
                .hasMessageContaining("host 127.0.0.1 is 127.0.0.1 (loopback)");
        assertThatThrownBy(() -> production.check(URI.create("https://internal.example.com/")).block())
                .hasMessageContaining("host internal.example.com resolves to 10.0.0.5 (private)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://hooks.example.com/wafleet", "http://93.184.216.34:8080/", "https://[2606:4700::1111]/"})
    void publicTargetsPass(String url) {
        assertThat(production.check(URI.create(url)).block()).isEqualTo(URI.create(url));
    }

    @Test
    void aHostThatDoesNotResolveIsRefused() {
        assertThatThrownBy(() -> production.check(URI.create("https://nowhere.invalid/")).block())
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage())
                        .contains("nowhere.invalid does not resolve"));
    }

    @Test
    void aResolverThatHangsIsCutOff() {
        CountDownLatch neverAnswers = new CountDownLatch(1);
        WebhookUrlGuard slow = new WebhookUrlGuard(false, Duration.ofMillis(100), host -> {
            neverAnswers.await();
            return new InetAddress[0];
        });
        assertThatThrownBy(() -> slow.check(URI.create("https://slow.example.com/")).block(Duration.ofSeconds(3)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage())
                        .contains("could not be resolved in time"));
    }

    @Test
    void localModeAllowsPrivateTargetsWithoutResolving() {
        WebhookUrlGuard local = new WebhookUrlGuard(true, Duration.ofSeconds(1), host -> {
            throw new AssertionError("local mode must not resolve " + host);
        });
        assertThat(local.check(URI.create("http://127.0.0.1:8080/hook")).block()).hasToString("http://127.0.0.1:8080/hook");
        assertThat(local.check(URI.create("https://internal.example.com/")).block()).isNotNull();
    }

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String mapped = DNS.get(host);
        if (mapped != null) {
            return new InetAddress[]{InetAddress.getByName(mapped)};
        }
        if (host.startsWith("[") || Character.isDigit(host.charAt(0))) {
            return InetAddress.getAllByName(host); // a literal: parsed, no DNS
        }
        throw new UnknownHostException(host);
    }
}
