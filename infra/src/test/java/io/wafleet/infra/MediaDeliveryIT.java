package io.wafleet.infra;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Media between two accounts of the fleet: an image, a document, a video, an audio note and a
 * sticker sent by one arrive at the other's webhook as WhatsApp kinds them, and the bytes each names
 * by {@code media_id}, downloaded with the recipient's own account key, are the bytes that were sent.
 */
class MediaDeliveryIT {

    private final FleetClient api = new FleetClient(TestFleet.shared().baseUrl());
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String sender = "media_sender_" + suffix;
    private final String recipient = "media_recipient_" + suffix;
    private final String stranger = "media_stranger_" + suffix;
    private String recipientKey;
    private final WebhookReceiver senderHook = new WebhookReceiver();
    private final WebhookReceiver recipientHook = new WebhookReceiver();

    @AfterEach
    void closeReceivers() {
        senderHook.close();
        recipientHook.close();
    }

    @Test
    void eachKindOfMediaArrivesAsItWasSent() {
        for (String account : new String[]{sender, recipient}) {
            api.createAndLogIn(account);
        }
        api.post("/accounts/" + sender + "/webhook", Map.of("webhook_url", senderHook.url(), "secret", "sender-secret"))
                .expectStatus().isOk();
        api.post("/accounts/" + recipient + "/webhook", Map.of("webhook_url", recipientHook.url(), "secret", "recipient-secret"))
                .expectStatus().isOk();
        String phone = awaitLoggedIn(recipient);
        awaitLoggedIn(sender);

        byte[] pdf = "%PDF-1.4\n% menu of the week\n".getBytes(StandardCharsets.US_ASCII);
        byte[] mp4 = padded("\u0000\u0000\u0000\u0018ftypisom", 900);
        byte[] ogg = padded("OggS", 400);
        byte[] webp = padded("RIFF\u0000\u0000\u0000\u0000WEBPVP8 ", 700);
        byte[] png = padded("\u0089PNG\r\n\u001a\n", 300);
        Map<String, String> to = Map.of("account_id", sender, "phone", phone);
        String document = api.upload("/send/file", with(to, "caption", "Menu"), "file", pdf, "menu.pdf", MediaType.APPLICATION_PDF);
        String video = api.upload("/send/video", to, "video", mp4, "clip.mp4", MediaType.parseMediaType("video/mp4"));
        String audio = api.upload("/send/audio", to, "audio", ogg, "note.ogg", MediaType.parseMediaType("audio/ogg"));
        String sticker = api.upload("/send/sticker", to, "sticker", webp, "smile.webp", MediaType.parseMediaType("image/webp"));
        String image = api.upload("/send/image", with(to, "caption", "Our shop"), "image", png, "shop.png", MediaType.IMAGE_PNG);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(sentTypes()).containsEntry(document, "document").containsEntry(video, "video")
                    .containsEntry(audio, "audio").containsEntry(sticker, "sticker").containsEntry(image, "image");
            assertThat(arrived(document)).isNotNull();
            assertThat(arrived(video)).isNotNull();
            assertThat(arrived(audio)).isNotNull();
            assertThat(arrived(sticker)).isNotNull();
            assertThat(arrived(image)).isNotNull();
        });

        JsonNode menu = arrived(document);
        assertThat(menu.get("media_type").asString()).isEqualTo("document");
        assertThat(menu.get("mime_type").asString()).isEqualTo("application/pdf");
        assertThat(menu.get("file_name").asString()).isEqualTo("menu.pdf");
        assertThat(menu.get("caption").asString()).isEqualTo("Menu");
        assertThat(arrived(video).get("media_type").asString()).isEqualTo("video");
        assertThat(arrived(audio).get("mime_type").asString()).isEqualTo("audio/ogg");
        assertThat(arrived(sticker).get("media_type").asString()).isEqualTo("sticker");
        assertThat(bytesOf(menu)).isEqualTo(pdf);
        assertThat(bytesOf(arrived(video))).isEqualTo(mp4);
        assertThat(bytesOf(arrived(audio))).isEqualTo(ogg);
        assertThat(bytesOf(arrived(sticker))).isEqualTo(webp);
        assertThat(arrived(image).get("media_type").asString()).isEqualTo("image");
        assertThat(arrived(image).get("caption").asString()).isEqualTo("Our shop");
        assertThat(bytesOf(arrived(image))).isEqualTo(png);

        // the sender's own key reads what it sent; a key of an account it did not reach may not
        String mediaId = arrived(image).get("media_id").asString();
        withKey(keyOf(sender)).get().uri("/media/" + mediaId).exchange().expectStatus().isOk();
        api.post("/accounts", Map.of("account_id", stranger)).expectStatus().isCreated();
        withKey(keyOf(stranger)).get().uri("/media/" + mediaId).exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
    }

    /** A new account key of the account (issued as the local mode's open API may). */
    private String keyOf(String account) {
        return api.post("/keys", Map.of("scope", "account", "account_ids", List.of(account))).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("results").get("key").asString();
    }

    private static WebTestClient withKey(String key) {
        return WebTestClient.bindToServer().baseUrl(TestFleet.shared().baseUrl())
                .defaultHeader("Authorization", "Bearer " + key).build();
    }

    private String awaitLoggedIn(String account) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> api.get("/accounts/" + account).expectStatus().isOk()
                .expectBody().jsonPath("$.results.status").isEqualTo("logged_in"));
        return api.get("/accounts/" + account).expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("results").get("phone_number").asString();
    }

    private Map<String, String> sentTypes() {
        Map<String, String> types = new java.util.HashMap<>();
        senderHook.events("message.sent").forEach(event ->
                types.put(event.get("payload").get("message_id").asString(), event.get("payload").get("message_type").asString()));
        return types;
    }

    /** The {@code message} payload that reached the recipient for this sent message id, or null. */
    private JsonNode arrived(String messageId) {
        return recipientHook.events("message").stream().map(event -> event.get("payload"))
                .filter(payload -> payload.get("id").asString().equals(messageId)).findFirst().orElse(null);
    }

    /** The bytes of a received medium, as the recipient downloads them with its own account key. */
    private byte[] bytesOf(JsonNode message) {
        if (recipientKey == null) {
            recipientKey = keyOf(recipient);
        }
        return withKey(recipientKey).get().uri("/media/" + message.get("media_id").asString()).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
    }

    private static Map<String, String> with(Map<String, String> fields, String field, String value) {
        Map<String, String> copy = new java.util.HashMap<>(fields);
        copy.put(field, value);
        return copy;
    }

    private static byte[] padded(String head, int length) {
        return Arrays.copyOf(head.getBytes(StandardCharsets.ISO_8859_1), length);
    }
}
