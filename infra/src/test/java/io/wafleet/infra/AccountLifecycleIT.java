package io.wafleet.infra;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Deleting an account removes all it owns; bad input gets a 4xx envelope that says what is wrong and changes nothing. */
class AccountLifecycleIT {

    private static MongoClient mongo;
    private final FleetClient api = new FleetClient(TestFleet.shared().baseUrl());
    private final String account = "acc_" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void connect() {
        mongo = MongoClients.create(TestFleet.shared().backing.mongoUri());
    }

    @AfterAll
    static void disconnect() {
        mongo.close();
    }

    @Test
    void deletingAnAccountRemovesItsWebhookSessionAndData() {
        api.post("/accounts", Map.of("account_id", account)).expectStatus().isCreated();
        api.post("/accounts/" + account + "/webhook", Map.of("webhook_url", "http://127.0.0.1:9/hook", "secret", "s3cret"))
                .expectStatus().isOk();
        api.postEmpty("/accounts/" + account + "/login").expectStatus().isOk();
        api.postEmpty("/sandbox/accounts/" + account + "/scan").expectStatus().isOk();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> api.get("/accounts/" + account)
                .expectBody().jsonPath("$.results.status").isEqualTo("logged_in"));
        String messageId = api.sendText(account, "6281234567890", "before delete");
        await().atMost(Duration.ofSeconds(20)).until(() -> count("messages", Filters.eq("_id", messageId)) == 1);

        api.delete("/accounts/" + account).expectStatus().isOk().expectBody().jsonPath("$.code").isEqualTo("SUCCESS");

        api.get("/accounts/" + account).expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
        api.get("/accounts/" + account + "/webhook").expectStatus().isNotFound();
        api.post("/send/message", Map.of("account_id", account, "phone", "6281234567890", "message", "after"))
                .expectStatus().isNotFound();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(count("accounts", Filters.eq("_id", account))).isZero();
            assertThat(count("account_webhooks", Filters.eq("_id", account))).isZero();
            assertThat(count("session_credentials", Filters.eq("_id", account))).isZero();
            assertThat(count("messages", Filters.eq("account_id", account))).isZero();
            assertThat(count("sandbox_devices", Filters.eq("_id", account))).isZero();
        });
    }

    @Test
    void badInputIsRefusedWithAnEnvelopeAndChangesNothing() {
        api.post("/accounts", Map.of("account_id", "has spaces!")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.status").isEqualTo(400).jsonPath("$.code").isEqualTo("BAD_REQUEST")
                .jsonPath("$.message").value(m -> assertThat((String) m).contains("account_id"));
        api.postRaw("/accounts", MediaType.APPLICATION_JSON, "{not json").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("BAD_REQUEST");
        api.get("/accounts/has%20spaces").expectStatus().is4xxClientError();
        api.get("/no/such/route").expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");

        api.post("/accounts", Map.of("account_id", account)).expectStatus().isCreated();
        api.post("/accounts", Map.of("account_id", account)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("CONFLICT");
        api.post("/send/message", Map.of("account_id", account, "phone", "12ab", "message", "x"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.message").value(m -> assertThat((String) m).contains("phone"));
        api.post("/send/message", Map.of("account_id", account, "phone", "6281234567890", "message", "never logged in"))
                .expectStatus().isEqualTo(409);
        api.post("/accounts/" + account + "/webhook", Map.of("webhook_url", "not a url", "secret", "s"))
                .expectStatus().isBadRequest();
        api.get("/accounts/" + account + "/webhook").expectStatus().isOk()
                .expectBody().jsonPath("$.results.webhook_url").isEqualTo("").jsonPath("$.results.secret_set").isEqualTo(false);
        api.post("/accounts/" + account + "/login-with-code", Map.of("phone_number", "12"))
                .expectStatus().isBadRequest();

        assertThat(count("messages", Filters.eq("account_id", account))).isZero();
        assertThat(count("accounts", Filters.eq("_id", "has spaces!"))).isZero();
    }

    private static long count(String collection, Bson filter) {
        MongoDatabase db = mongo.getDatabase("wafleet");
        return db.getCollection(collection).countDocuments(filter);
    }
}
