package io.wafleet.gateway;

import io.wafleet.common.command.LoginWithToken;
import io.wafleet.common.crypto.KeyRing;
import io.wafleet.common.crypto.SealedField;
import io.wafleet.common.crypto.SecretCipher;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /accounts/{id}/login-with-token} against a fake session worker: the login is published and
 * answered with the worker's status, a new access token replaces the stored one (the other secrets
 * kept), and a token the worker reports Meta refused is a 400 with its reason, never a 5xx.
 */
class CloudLoginIT extends GatewayTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aTokenLoginIsPublishedAndANewTokenReplacesTheStoredOne() {
        create("cloud-login", "old-token").expectStatus().isCreated();
        post("/accounts/cloud-login/login-with-token", Map.of("access_token", "new-token")).expectStatus().isOk()
                .expectBody().jsonPath("$.results.account_id").isEqualTo("cloud-login")
                .jsonPath("$.results.status").isEqualTo("logged_in");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(commandsOf("cloud-login")).hasAtLeastOneElementOfType(LoginWithToken.class));
        assertThat(secrets("cloud-login")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "proxy", "http://user:pw@10.0.0.1:3128", "access_token", "new-token",
                "app_secret", "app-secret", "verify_token", "verify-me"));

        client.post().uri("/accounts/cloud-login/login-with-token").exchange().expectStatus().isOk();
        assertThat(secrets("cloud-login")).containsEntry("access_token", "new-token");
    }

    @Test
    void aTokenMetaRefusesIsA400WithTheWorkersReason() {
        create("badtoken-cloud", "bad").expectStatus().isCreated();
        client.post().uri("/accounts/badtoken-cloud/login-with-token").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_TOKEN")
                .jsonPath("$.message").value(message -> assertThat((String) message).contains("access token"));
    }

    private WebTestClient.ResponseSpec create(String id, String token) {
        return post("/accounts", Map.of("account_id", id, "transport", "cloud_api", "proxy", "http://user:pw@10.0.0.1:3128",
                "cloud_api", Map.of("phone_number_id", "1065", "access_token", token, "app_secret", "app-secret",
                        "verify_token", "verify-me")));
    }

    private Map<String, Object> secrets(String id) {
        Document account = mongo.findById(id, Document.class, "accounts").block();
        byte[] sealed = account.get(SealedField.TRANSPORT_SECRETS.field(), Binary.class).getData();
        SecretCipher cipher = new SecretCipher(KeyRing.of(Base64.getDecoder().decode(MASTER_KEY)));
        return JSON.readValue(cipher.open(sealed, SealedField.TRANSPORT_SECRETS.associatedData(id)), Map.class);
    }
}
