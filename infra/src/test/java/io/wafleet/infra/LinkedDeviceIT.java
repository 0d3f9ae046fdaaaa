package io.wafleet.infra;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * A linked-device account on the fleet where WhatsApp cannot be reached (this machine never reaches it;
 * the account's proxy is a closed loopback port, so nothing leaves the machine): the login fails with a
 * clear reason, the account shows it, and the worker serves other accounts as before.
 */
class LinkedDeviceIT {

    private final FleetClient api = new FleetClient(TestFleet.shared().baseUrl());
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aLoginThatCannotReachWhatsAppFailsClearlyAndTheWorkerCarriesOn() {
        String account = "linked_" + suffix;
        api.post("/accounts", Map.of("account_id", account, "transport", "linked_device",
                "proxy", "http://127.0.0.1:" + closedPort())).expectStatus().isCreated()
                .expectBody().jsonPath("$.results.transport").isEqualTo("linked_device");

        api.postEmpty("/accounts/" + account + "/login").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("UNREACHABLE");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> api.get("/accounts/" + account).expectStatus().isOk()
                .expectBody().jsonPath("$.results.status").isEqualTo("failed")
                .jsonPath("$.results.status_reason").isEqualTo("unreachable"));
        String sandbox = "sandbox_" + suffix;
        api.createAndLogIn(sandbox);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> api.get("/accounts/" + sandbox)
                .expectBody().jsonPath("$.results.status").isEqualTo("logged_in"));
        api.sendText(sandbox, "6281234567890", "the worker carries on");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
