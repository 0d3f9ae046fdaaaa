package io.wafleet.infra;

import io.wafleet.infra.process.SessionWorkerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Cloud API transport end to end, against {@link GraphApiStub} (Meta's Graph API and webhooks as
 * Meta documents them): session workers run as processes from {@code session-worker.jar}, pointed at the
 * stub; the gateway and a webhook worker run here. The scenarios of the sandbox, for a cloud account:
 * log in with the token, send, receipts, a customer's message, failover of the session to another worker,
 * and the account's outbound proxy.
 */
class CloudApiIT {

    private static final Duration SOON = Duration.ofSeconds(30);
    private static final Duration FAILOVER = Duration.ofSeconds(45);
    private static final String CUSTOMER = "6281234567890";

    private static GraphApiStub graph;
    private static ProcessFleet fleet;
    private static FleetClient api;
    private static final List<SessionWorkerProcess> workers = new ArrayList<>();
    private static final AtomicInteger workerIds = new AtomicInteger();
    private static final AtomicInteger numbers = new AtomicInteger(100);

    @BeforeAll
    static void start() throws Exception {
        graph = new GraphApiStub();
        fleet = ProcessFleet.start(List.of("--wafleet.cloud-api.graph-url=" + graph.url(),
                "--wafleet.cloud-api.api-version=" + GraphApiStub.VERSION));
        api = fleet.api();
        workers.addAll(fleet.startWorkers(Stream.of(nextWorker(), nextWorker())));
        fleet.awaitSettled(2);
    }

    @AfterAll
    static void stop() throws Exception {
        if (fleet != null) {
            fleet.close();
        }
        if (graph != null) {
            graph.close();
        }
    }

    @Test
    void aCloudAccountLogsInWithItsTokenSendsGetsReceiptsAndReceives() {
        GraphApiStub.Number number = cloudAccount("cloud-shop", null);

        api.postEmpty("/accounts/cloud-shop/login-with-token").expectStatus().isOk()
                .expectBody().jsonPath("$.results.status").isEqualTo("logged_in");
        api.get("/accounts/cloud-shop").expectStatus().isOk().expectBody()
                .jsonPath("$.results.status").isEqualTo("logged_in")
                .jsonPath("$.results.phone_number").isEqualTo(number.displayPhoneNumber().replaceAll("\\D", ""));

        String id = api.sendText("cloud-shop", CUSTOMER, "Halo dari Cloud API");

        await().atMost(SOON).untilAsserted(() -> assertThat(sends(number)).anySatisfy(send -> {
            assertThat(send.authorization()).isEqualTo("Bearer " + number.token());
            assertThat(send.body().path("messaging_product").asString()).isEqualTo("whatsapp");
            assertThat(send.body().path("to").asString()).isEqualTo(CUSTOMER);
            assertThat(send.body().path("text").path("body").asString()).isEqualTo("Halo dari Cloud API");
        }));
        await().atMost(SOON).untilAsserted(() -> {
            assertThat(events("message.sent", "cloud-shop")).anySatisfy(e -> assertThat(e.path("payload").toString()).contains(id));
            assertThat(receiptTypes("cloud-shop", id)).contains("delivered", "read");
        });

        assertThat(graph.inbound(number.phoneNumberId(), "wamid.HBgLNjI4OTg3NjU0MzIxMBUCABIYFDNBQjA=", "6289876543210", "Budi",
                "Halo juga")).isEqualTo(200);

        await().atMost(SOON).untilAsserted(() -> assertThat(events("message", "cloud-shop")).anySatisfy(e -> {
            assertThat(e.path("payload").path("body").asString()).isEqualTo("Halo juga");
            assertThat(e.path("payload").path("from").asString()).isEqualTo("6289876543210@s.whatsapp.net");
            assertThat(e.path("payload").path("from_name").asString()).isEqualTo("Budi");
        }));
    }

    @Test
    void aMessageMetaCannotDeliverEndsFailedWithMetasReason() {
        cloudAccount("cloud-undeliverable", null);
        api.postEmpty("/accounts/cloud-undeliverable/login-with-token").expectStatus().isOk();

        String id = api.sendText("cloud-undeliverable", GraphApiStub.UNDELIVERABLE, "to a number WhatsApp cannot reach");

        await().atMost(SOON).untilAsserted(() -> assertThat(events("message.failed", "cloud-undeliverable")).anySatisfy(e -> {
            assertThat(e.path("payload").path("message_id").asString()).isEqualTo(id);
            assertThat(e.path("payload").path("reason").asString()).isEqualTo("meta_error_131026");
        }));
        api.get("/messages/" + id).expectStatus().isOk().expectBody()
                .jsonPath("$.results.status").isEqualTo("failed")
                .jsonPath("$.results.reason").isEqualTo("meta_error_131026");
    }

    @Test
    void aCustomersImageArrivesWithItsFileStoredForTheAccount() {
        GraphApiStub.Number number = cloudAccount("cloud-media", null);
        api.postEmpty("/accounts/cloud-media/login-with-token").expectStatus().isOk();
        byte[] photo = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, 4, 5};

        assertThat(graph.inboundImage(number.phoneNumberId(), "wamid.IMG1", "6289876543210", "the red one", photo)).isEqualTo(200);

        JsonNode image = await().atMost(SOON).until(() -> events("message", "cloud-media").stream()
                .filter(e -> "image".equals(e.path("payload").path("media_type").asString(""))).findFirst(), found -> found.isPresent())
                .orElseThrow().path("payload");
        assertThat(image.path("caption").asString()).isEqualTo("the red one");
        assertThat(image.path("mime_type").asString()).isEqualTo("image/jpeg");
        byte[] stored = api.get("/media/" + image.path("media_id").asString()).expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(stored).isEqualTo(photo);
    }

    @Test
    void aTokenMetaRefusesIsAClearRefusalAndTheAccountCannotSend() {
        cloudAccount("cloud-expired", "EAAG-not-the-right-one");

        api.postEmpty("/accounts/cloud-expired/login-with-token").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_TOKEN")
                .jsonPath("$.message").value(message -> assertThat((String) message).contains("Meta refused the access token"));

        api.get("/accounts/cloud-expired").expectStatus().isOk().expectBody()
                .jsonPath("$.results.status").value(status -> assertThat(status).isNotEqualTo("logged_in"));
        api.post("/send/message", Map.of("account_id", "cloud-expired", "phone", CUSTOMER, "message", "hi"))
                .expectStatus().isEqualTo(409);
    }

    @Test
    void aCloudSessionMovesToAnotherWorkerWhenItsWorkerDies() {
        GraphApiStub.Number number = cloudAccount("cloud-failover", null);
        api.postEmpty("/accounts/cloud-failover/login-with-token").expectStatus().isOk();
        String owner = await().atMost(SOON).until(() -> api.accounts().get("cloud-failover").owner(), o -> o != null && !o.isEmpty());
        SessionWorkerProcess victim = workers.stream().filter(w -> w.id().equals(owner)).findFirst().orElseThrow();

        victim.kill();
        workers.remove(victim);
        String id = api.sendText("cloud-failover", CUSTOMER, "sent while its worker is down");

        await().atMost(FAILOVER).untilAsserted(() -> {
            assertThat(sends(number)).anySatisfy(send -> assertThat(send.body().path("text").path("body").asString())
                    .isEqualTo("sent while its worker is down"));
            assertThat(receiptTypes("cloud-failover", id)).contains("read");
        });
        FleetClient.AccountState after = api.accounts().get("cloud-failover");
        assertThat(after.status()).isEqualTo("logged_in");
        assertThat(after.owner()).isNotEqualTo(owner);
        assertThat(sends(number).stream().filter(s -> s.body().path("text").path("body").asString()
                .equals("sent while its worker is down"))).hasSize(1);

        workers.addAll(fleet.startWorkers(Stream.of(nextWorker())));
        fleet.awaitSettled(2);
    }

    /**
     * The account's way to Meta (its proxy) is down when its session moves to another worker: the restore
     * fails {@code unreachable} and is retried with the reconnect backoff, until the proxy is back.
     */
    @Test
    void aRestoreThatCannotReachMetaIsRetriedUntilItCan() {
        int port;
        GraphApiStub.Number number;
        try (OutboundProxy proxy = new OutboundProxy(OutboundProxy.Kind.HTTP)) {
            port = proxy.port();
            number = cloudAccount("cloud-outage", null, proxy.uri("office", "pa55"));
            api.postEmpty("/accounts/cloud-outage/login-with-token").expectStatus().isOk();
        }
        String owner = api.accounts().get("cloud-outage").owner();
        SessionWorkerProcess victim = workers.stream().filter(w -> w.id().equals(owner)).findFirst().orElseThrow();
        int loginsBefore = graph.requests(number.phoneNumberId()).size();

        victim.kill();
        workers.remove(victim);
        await().atMost(FAILOVER).untilAsserted(() -> {
            FleetClient.AccountState state = api.accounts().get("cloud-outage");
            assertThat(state.owner()).isNotEqualTo(owner).isNotEmpty();
            assertThat(state.status()).isIn("failed", "connecting");
        });
        try (OutboundProxy back = new OutboundProxy(OutboundProxy.Kind.HTTP, port)) {
            await().atMost(FAILOVER).untilAsserted(() ->
                    assertThat(api.accounts().get("cloud-outage").status()).isEqualTo("logged_in"));
            assertThat(back.tunnels()).isNotEmpty();
        }
        assertThat(graph.requests(number.phoneNumberId())).hasSizeGreaterThan(loginsBefore);

        workers.addAll(fleet.startWorkers(Stream.of(nextWorker())));
        fleet.awaitSettled(2);
    }

    @Test
    void theAccountsCallsGoThroughItsHttpProxy() {
        try (OutboundProxy proxy = new OutboundProxy(OutboundProxy.Kind.HTTP)) {
            cloudAccount("cloud-http-proxied", null, proxy.uri("office", "pa55"));

            api.postEmpty("/accounts/cloud-http-proxied/login-with-token").expectStatus().isOk();

            String basic = "Basic " + Base64.getEncoder().encodeToString("office:pa55".getBytes(StandardCharsets.UTF_8));
            assertThat(proxy.tunnels()).contains(new OutboundProxy.Tunnel("127.0.0.1:" + graph.port(), basic));
            api.get("/accounts/cloud-http-proxied").expectStatus().isOk().expectBody(String.class)
                    .value(body -> assertThat(body).doesNotContain("pa55"));
        }
    }

    @Test
    void theAccountsCallsGoThroughItsSocksProxy() {
        try (OutboundProxy proxy = new OutboundProxy(OutboundProxy.Kind.SOCKS5)) {
            GraphApiStub.Number number = cloudAccount("cloud-socks-proxied", null, proxy.uri("branch", "s0cks"));

            api.postEmpty("/accounts/cloud-socks-proxied/login-with-token").expectStatus().isOk();
            api.sendText("cloud-socks-proxied", CUSTOMER, "through the SOCKS proxy");

            await().atMost(SOON).untilAsserted(() -> assertThat(sends(number)).isNotEmpty());
            assertThat(proxy.tunnels()).isNotEmpty().allSatisfy(tunnel -> {
                assertThat(tunnel.target()).endsWith(":" + graph.port());
                assertThat(tunnel.credentials()).isEqualTo("branch:s0cks");
            });
        }
    }

    private static GraphApiStub.Number cloudAccount(String account, String tokenGiven) {
        return cloudAccount(account, tokenGiven, null);
    }

    /** A cloud account whose number the stub knows; {@code tokenGiven} (if set) is what the account is configured with instead of the number's token. */
    private static GraphApiStub.Number cloudAccount(String account, String tokenGiven, String proxy) {
        int n = numbers.incrementAndGet();
        GraphApiStub.Number number = new GraphApiStub.Number("1065403522" + n, "EAAG-token-" + account, "app-secret-" + account,
                "+1 555-010-0" + n, "http://127.0.0.1:" + fleet.gatewayPort() + "/cloud-api/" + account + "/webhook");
        graph.register(number);
        Map<String, Object> body = new java.util.HashMap<>(Map.of("account_id", account, "transport", "cloud_api",
                "cloud_api", Map.of("phone_number_id", number.phoneNumberId(),
                        "access_token", tokenGiven == null ? number.token() : tokenGiven,
                        "app_secret", number.appSecret(), "verify_token", "verify-" + account)));
        if (proxy != null) {
            body.put("proxy", proxy);
        }
        api.post("/accounts", body).expectStatus().isCreated();
        return number;
    }

    private static List<GraphApiStub.Request> sends(GraphApiStub.Number number) {
        return graph.requests(number.phoneNumberId()).stream()
                .filter(r -> r.method().equals("POST") && r.path().endsWith("/messages") && r.body() != null).toList();
    }

    private static List<JsonNode> events(String type, String account) {
        return fleet.hook().events(type).stream().filter(e -> e.path("account_id").asString().equals(account)).toList();
    }

    private static List<String> receiptTypes(String account, String messageId) {
        return events("message.ack", account).stream()
                .filter(e -> e.path("payload").path("ids").toString().contains(messageId))
                .map(e -> e.path("payload").path("receipt_type").asString()).toList();
    }

    private static String nextWorker() {
        return "cloud-worker-" + workerIds.incrementAndGet();
    }
}
