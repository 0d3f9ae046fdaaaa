package io.wafleet.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Each account's send budget: beyond it a send (or a forward) is a 429 with Retry-After, and nothing is stored or queued. */
@TestPropertySource(properties = {"wafleet.limits.sends-per-account=3", "wafleet.limits.send-period=1h"})
class SendRateLimitIT extends GatewayTestSupport {

    @Test
    void sendsBeyondTheAccountsBudgetAreRefusedWithRetryAfterAndQueueNothing() throws Exception {
        createLinked("acc-busy");
        createLinked("acc-quiet");
        Map<String, Object> text = Map.of("account_id", "acc-busy", "phone", "6281234567890", "message", "hi");
        for (int i = 0; i < 3; i++) {
            post("/send/message", text).expectStatus().isOk();
        }

        post("/send/message", text).expectStatus().isEqualTo(429)
                .expectHeader().value("Retry-After", seconds -> assertThat(Long.parseLong(seconds)).isBetween(3000L, 3600L))
                .expectBody()
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.code").isEqualTo("RATE_LIMITED")
                .jsonPath("$.message").value(message -> assertThat((String) message).contains("acc-busy").contains("3"));
        MultipartBodyBuilder image = new MultipartBodyBuilder();
        image.part("account_id", "acc-busy");
        image.part("phone", "6281234567890");
        image.part("image", new ByteArrayResource(png()) {
            @Override
            public String getFilename() {
                return "pic.png";
            }
        }).contentType(MediaType.IMAGE_PNG);
        client.post().uri("/send/image").contentType(MediaType.MULTIPART_FORM_DATA).bodyValue(image.build()).exchange()
                .expectStatus().isEqualTo(429).expectBody().jsonPath("$.code").isEqualTo("RATE_LIMITED");
        // a forward sends a new message: it takes from the same budget
        post("/message/3EB0C431C26A1916E07F/forward", Map.of("account_id", "acc-busy", "phone", "6281234567890",
                "to", "6289876543210")).expectStatus().isEqualTo(429).expectBody().jsonPath("$.code").isEqualTo("RATE_LIMITED");

        // another account has a budget of its own
        post("/send/message", Map.of("account_id", "acc-quiet", "phone", "6281234567890", "message", "hi"))
                .expectStatus().isOk();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(commandsOf("acc-quiet")).hasSize(1));
        assertThat(commandsOf("acc-busy")).hasSize(3);
        assertThat(mongo.count(Query.query(where("account_id").is("acc-busy")), "messages").block()).isEqualTo(3);
        assertThat(mongo.count(Query.query(where("metadata.account_id").is("acc-busy")), "media.files").block()).isZero();
    }
}
