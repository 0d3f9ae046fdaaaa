package io.wafleet.gateway;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The gateway with keys on: the admin key, tenant keys over a set of accounts, account keys over one;
 * every scope boundary as a user meets it, with nothing done for a refused call.
 */
@TestPropertySource(properties = "wafleet.auth.admin-key=" + ApiKeysIT.ADMIN_KEY)
@ExtendWith(OutputCaptureExtension.class)
class ApiKeysIT extends GatewayTestSupport {

    static final String ADMIN_KEY = "admin-key-for-tests-0123456789-abcdef";

    @Test
    void callsWithoutAValidKeyAre401AndChangeNothing() {
        client.get().uri("/accounts").exchange().expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"wafleet\"")
                .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.code").isEqualTo("UNAUTHORIZED")
                .jsonPath("$.message").value(message -> assertThat((String) message).contains("API key is required"));
        create("k-nobody").expectStatus().isUnauthorized();
        as("wfk_0123456789abcdef_guessed").post().uri("/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("account_id", "k-nobody")).exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.message").value(message -> assertThat((String) message).contains("unknown"));
        client.get().uri("/accounts").header(HttpHeaders.AUTHORIZATION, "Token x").exchange().expectStatus().isUnauthorized();
        assertThat(mongo.findById("k-nobody", Document.class, "accounts").block()).isNull();
        // health and the API description stay open; the metrics are the admin key's
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        client.get().uri("/v3/api-docs").exchange().expectStatus().isOk();
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        admin().get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
    }

    @Test
    void metasWebhookIsOpenAndNothingElseUnderCloudApi() {
        // reached without a key: the route answers itself (403 for a handshake it cannot match, 401 unsigned)
        client.get().uri("/cloud-api/k-nobody/webhook?hub.mode=subscribe&hub.verify_token=t&hub.challenge=1")
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.message")
                .value(message -> assertThat((String) message).contains("verification"));
        client.post().uri("/cloud-api/k-nobody/webhook").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isUnauthorized().expectBody().jsonPath("$.message")
                .value(message -> assertThat((String) message).contains("X-Hub-Signature-256"));
        for (String path : List.of("/cloud-api/", "/cloud-api/k-nobody", "/cloud-api/k-nobody/webhook/x",
                "/cloud-api/k-nobody/other", "/cloud-api/x/webhook/../../accounts")) {
            client.get().uri(path).exchange().expectStatus().isUnauthorized().expectBody().jsonPath("$.message")
                    .value(message -> assertThat((String) message).as(path).contains("API key is required"));
        }
    }

    @Test
    void theAdminKeyWorksAsBearerApiKeyAndBasicAuth() {
        admin().post().uri("/accounts").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("account_id", "k-admin"))
                .exchange().expectStatus().isCreated();
        client.get().uri("/accounts/k-admin").header("X-Api-Key", ADMIN_KEY).exchange().expectStatus().isOk();
        String basic = Base64.getEncoder().encodeToString(("admin:" + ADMIN_KEY).getBytes(StandardCharsets.UTF_8));
        client.get().uri("/accounts/k-admin").header(HttpHeaders.AUTHORIZATION, "Basic " + basic).exchange().expectStatus().isOk();
    }

    @Test
    void aTenantKeyManagesItsAccountsOnly(CapturedOutput output) {
        createAs(admin(), "k-other").expectStatus().isCreated();
        Issued tenant = issue(admin(), "crm", "tenant", List.of("k-t1", "k-t2"));
        WebTestClient asTenant = as(tenant.key());

        createAs(asTenant, "k-t1").expectStatus().isCreated();
        createAs(asTenant, "k-t3").expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
        asTenant.get().uri("/accounts").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.results[*].id").isEqualTo(List.of("k-t1"));
        asTenant.get().uri("/accounts/k-other").exchange().expectStatus().isForbidden();
        asTenant.delete().uri("/accounts/k-other").exchange().expectStatus().isForbidden();
        // a tenant hands out account keys for its own accounts, but not tenant keys
        issueRequest(asTenant, "support", "account", List.of("k-t1")).expectStatus().isCreated();
        issueRequest(asTenant, "more", "tenant", List.of("k-t1")).expectStatus().isForbidden();
        issueRequest(asTenant, "theirs", "account", List.of("k-other")).expectStatus().isForbidden();
        asTenant.delete().uri("/accounts/k-t1").exchange().expectStatus().isOk();

        assertThat(mongo.findById("k-t3", Document.class, "accounts").block()).isNull();
        assertThat(mongo.findById("k-other", Document.class, "accounts").block()).isNotNull();
        assertThat(output.getOut()).contains("account.created account k-t1 by tenant key " + tenant.id() + " (crm)")
                .contains("account.deleted account k-t1 by tenant key " + tenant.id() + " (crm)")
                .contains("key.issued key " + tenant.id() + " for [k-t1, k-t2] by the admin key")
                .doesNotContain(tenant.key()).doesNotContain(ADMIN_KEY);
    }

    @Test
    void anAccountKeyActsOnItsAccountAndIsRefusedEverywhereElse(CapturedOutput output) {
        createAs(admin(), "k-mine").expectStatus().isCreated();
        createAs(admin(), "k-yours").expectStatus().isCreated();
        linked("k-mine");
        linked("k-yours");
        Issued key = issue(admin(), "shop", "account", List.of("k-mine"));
        WebTestClient mine = as(key.key());

        sendAs(mine, "k-mine").expectStatus().isOk();
        mine.get().uri("/accounts/k-mine").exchange().expectStatus().isOk();
        mine.post().uri("/accounts/k-mine/webhook").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("webhook_url", "http://127.0.0.1:9/hook", "secret", "s3cret-value")).exchange()
                .expectStatus().isOk();

        sendAs(mine, "k-yours").expectStatus().isForbidden().expectBody()
                .jsonPath("$.code").isEqualTo("FORBIDDEN")
                .jsonPath("$.message").value(message -> assertThat((String) message).contains("k-yours"));
        mine.post().uri("/accounts/k-yours/webhook").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("webhook_url", "http://127.0.0.1:9/evil", "secret", "x")).exchange()
                .expectStatus().isForbidden();
        mine.get().uri("/accounts/k-yours/webhook").exchange().expectStatus().isForbidden();
        mine.get().uri("/accounts/k-yours/messages").exchange().expectStatus().isForbidden();
        mine.delete().uri("/accounts/k-yours").exchange().expectStatus().isForbidden();
        mine.delete().uri("/accounts/k-mine").exchange().expectStatus().isForbidden();
        mine.post().uri("/accounts/k-yours/logout").exchange().expectStatus().isForbidden();
        // an account it may not see is refused the same way whether or not it exists
        mine.get().uri("/accounts/k-no-such").exchange().expectStatus().isForbidden();
        mine.get().uri("/keys").exchange().expectStatus().isForbidden();
        mine.get().uri("/actuator/prometheus").exchange().expectStatus().isForbidden();
        mine.get().uri("/accounts").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.results[*].id").isEqualTo(List.of("k-mine"));

        // a message of another account is not shown to it
        String theirs = resultField(sendAs(admin(), "k-yours").expectStatus().isOk().expectBody().returnResult()
                .getResponseBody(), "message_id");
        mine.get().uri("/messages/" + theirs).exchange().expectStatus().isForbidden();

        assertThat(commandsOf("k-yours")).hasSize(1);
        assertThat(mongo.count(Query.query(where("account_id").is("k-yours")), "messages").block()).isEqualTo(1);
        assertThat(mongo.findById("k-yours", Document.class, "account_webhooks").block()).isNull();
        assertThat(output.getOut()).doesNotContain(key.key()).doesNotContain("s3cret-value");
    }

    @Test
    void aRevokedKeyIsRefusedAndDeletingAnAccountRevokesItsKeys() {
        createAs(admin(), "k-rev").expectStatus().isCreated();
        Issued first = issue(admin(), "first", "account", List.of("k-rev"));
        Issued second = issue(admin(), "second", "account", List.of("k-rev"));
        as(first.key()).get().uri("/accounts/k-rev").exchange().expectStatus().isOk();

        admin().delete().uri("/keys/" + first.id()).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.results.revoked_at").isNotEmpty();
        as(first.key()).get().uri("/accounts/k-rev").exchange().expectStatus().isUnauthorized();
        as(second.key()).get().uri("/accounts/k-rev").exchange().expectStatus().isOk();

        admin().delete().uri("/accounts/k-rev").exchange().expectStatus().isOk();
        createAs(admin(), "k-rev").expectStatus().isCreated();
        as(second.key()).get().uri("/accounts/k-rev").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void keysAreShownOnceAndStoredOnlyAsAHash() {
        createAs(admin(), "k-hash").expectStatus().isCreated();
        Issued key = issue(admin(), "hashed", "account", List.of("k-hash"));
        assertThat(key.key()).startsWith("wfk_" + key.id() + "_").hasSizeGreaterThan(60);

        Document stored = mongo.findById(key.id(), Document.class, "api_keys").block();
        assertThat(stored.toJson()).doesNotContain(key.key()).doesNotContain(key.key().substring(21));
        String listed = new String(admin().get().uri("/keys").exchange().expectStatus().isOk().expectBody()
                .returnResult().getResponseBody(), StandardCharsets.UTF_8);
        assertThat(listed).contains(key.id()).doesNotContain(key.key().substring(21)).doesNotContain("key_hash");
    }

    @Test
    void badKeyRequestsAre400() {
        badRequest(issueRequest(admin(), "x", "owner", List.of("k-a")));
        badRequest(issueRequest(admin(), "x", "account", List.of("k-a", "k-b")));
        badRequest(issueRequest(admin(), "x", "tenant", List.of()));
        badRequest(issueRequest(admin(), "x", "tenant", List.of("no spaces allowed")));
        badRequest(admin().delete().uri("/keys/not-a-key-id").exchange());
        admin().delete().uri("/keys/0000000000000000").exchange().expectStatus().isNotFound();
        issueRequest(admin(), "x", "account", List.of("k-never-created")).expectStatus().isNotFound();
        assertThat(mongo.count(new Query(where("name").is("x")), "api_keys").block()).isZero();
    }

    record Issued(String id, String key) {
    }

    private Issued issue(WebTestClient as, String name, String scope, List<String> accounts) {
        byte[] body = issueRequest(as, name, scope, accounts).expectStatus().isCreated().expectBody()
                .jsonPath("$.results.scope").isEqualTo(scope)
                .returnResult().getResponseBody();
        return new Issued(resultField(body, "key_id"), resultField(body, "key"));
    }

    private static WebTestClient.ResponseSpec issueRequest(WebTestClient as, String name, String scope, List<String> accounts) {
        return as.post().uri("/keys").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "scope", scope, "account_ids", accounts)).exchange();
    }

    private static WebTestClient.ResponseSpec createAs(WebTestClient as, String account) {
        return as.post().uri("/accounts").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("account_id", account)).exchange();
    }

    private static WebTestClient.ResponseSpec sendAs(WebTestClient as, String account) {
        return as.post().uri("/send/message").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("account_id", account, "phone", "6281234567890", "message", "hi")).exchange();
    }

    private void linked(String account) {
        mongo.updateFirst(Query.query(where("_id").is(account)),
                org.springframework.data.mongodb.core.query.Update.update("device_id", "dev-1").set("status", "logged_in"),
                "accounts").block();
    }

    private WebTestClient admin() {
        return as(ADMIN_KEY);
    }

    private WebTestClient as(String key) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .responseTimeout(Duration.ofSeconds(15)).build();
    }
}
