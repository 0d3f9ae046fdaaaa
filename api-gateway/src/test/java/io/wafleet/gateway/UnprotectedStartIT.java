package io.wafleet.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.NestedExceptionUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The gateway as an operator starts it: without an admin key it refuses to start anywhere but on
 * loopback in local mode, and says why, before it listens. Kafka and MongoDB are not needed to get
 * that far (their addresses here lead nowhere).
 */
class UnprotectedStartIT {

    @Test
    void aPublicAddressWithoutAnAdminKeyStopsTheStart() {
        assertRefused("server.address=0.0.0.0", "0.0.0.0");
    }

    @Test
    void theProductionProfileWithoutAnAdminKeyStopsTheStartEvenOnLoopback() {
        assertRefused("spring.profiles.active=production", "production profile", "server.address=127.0.0.1");
    }

    private static void assertRefused(String setting, String named, String... more) {
        SpringApplicationBuilder gateway = new SpringApplicationBuilder(GatewayApplication.class)
                .properties("spring.config.name=" + GatewayApplication.CONFIG_NAME);
        // as command-line arguments, which override the configuration file (as an operator's settings do)
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--wafleet.auth.admin-key=",
                "--spring.kafka.bootstrap-servers=127.0.0.1:9", "--spring.mongodb.uri=mongodb://127.0.0.1:9/wafleet",
                "--" + setting));
        Stream.of(more).map(argument -> "--" + argument).forEach(arguments::add);
        assertThatThrownBy(() -> gateway.run(arguments.toArray(String[]::new)))
                .satisfies(failure -> assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
                        .hasMessageContaining("refuses to start unprotected")
                        .hasMessageContaining(named)
                        .hasMessageContaining("WAFLEET_ADMIN_KEY"));
    }
}
