package io.wafleet.gateway;

import io.wafleet.common.command.Command;
import io.wafleet.common.command.MediaRef;
import io.wafleet.common.command.SendAudio;
import io.wafleet.common.command.SendFile;
import io.wafleet.common.command.SendSticker;
import io.wafleet.common.command.SendVideo;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Files, videos, audio and stickers: uploaded or fetched from a URL, checked for their kind and size,
 * stored, referenced by the published command, and served back by {@code GET /media/{media_id}}.
 */
class MediaSendIT extends GatewayTestSupport {

    private static final String TO = "6281234567890";

    @Test
    void eachKindIsStoredCheckedAndPublishedWithItsReference() {
        createLinked("acc-media");
        byte[] pdf = "%PDF-1.4\n% an invoice\n".getBytes(StandardCharsets.US_ASCII);
        byte[] mp4 = isoMedia("isom", 600);
        byte[] ogg = padded("OggS", 300);
        byte[] webp = webp(2_000);

        String fileId = upload("/send/file", "file", pdf, "invoice 12.pdf", MediaType.APPLICATION_PDF, "the invoice");
        String videoId = upload("/send/video", "video", mp4, "clip.mp4", MediaType.APPLICATION_OCTET_STREAM, "a clip");
        String audioId = upload("/send/audio", "audio", ogg, "note.ogg", MediaType.parseMediaType("audio/ogg"), null);
        String stickerId = upload("/send/sticker", "sticker", webp, "smile.webp", MediaType.parseMediaType("image/webp"), null);

        MediaRef file = published(fileId, SendFile.class, SendFile::file);
        assertThat(file.mimeType()).isEqualTo("application/pdf");
        assertThat(file.fileName()).isEqualTo("invoice_12.pdf");
        assertThat(file.size()).isEqualTo(pdf.length);
        assertThat(published(videoId, SendVideo.class, SendVideo::video).mimeType()).isEqualTo("video/mp4");
        assertThat(published(audioId, SendAudio.class, SendAudio::audio).mimeType()).isEqualTo("audio/ogg");
        assertThat(published(stickerId, SendSticker.class, SendSticker::sticker).mimeType()).isEqualTo("image/webp");
        assertThat(worker.commands).anyMatch(seen -> seen.value() instanceof SendFile send
                && send.messageId().equals(fileId) && "the invoice".equals(send.caption()));

        // what the recipient's webhook names by media_id can be fetched, as it was sent
        byte[] served = client.get().uri("/media/" + file.mediaId()).exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().value("Content-Disposition", disposition -> assertThat(disposition)
                        .startsWith("attachment").contains("invoice_12.pdf"))
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(served).isEqualTo(pdf);
        assertThat(mediaCount("acc-media")).isEqualTo(4);
    }

    @Test
    void mediaCanComeFromAUrlInJsonOrInTheForm() {
        createLinked("acc-media-url");
        byte[] ogg = padded("OggS", 500);
        String first = upload("/send/audio", "audio", ogg, "voice.ogg", MediaType.parseMediaType("audio/ogg"), null);
        String source = "http://127.0.0.1:" + port + "/media/"
                + published(first, SendAudio.class, SendAudio::audio).mediaId();

        String fromJson = resultField(post("/send/audio", Map.of("account_id", "acc-media-url", "phone", TO, "audio_url", source))
                .expectStatus().isOk().expectBody().jsonPath("$.message").isEqualTo("audio queued")
                .returnResult().getResponseBody(), "message_id");
        assertThat(published(fromJson, SendAudio.class, SendAudio::audio).size()).isEqualTo(ogg.length);

        MultipartBodyBuilder form = form("acc-media-url");
        form.part("file_url", source);
        form.part("caption", "forwarded as a document");
        String fromForm = resultField(multipart("/send/file", form).expectStatus().isOk().expectBody()
                .returnResult().getResponseBody(), "message_id");
        MediaRef document = published(fromForm, SendFile.class, SendFile::file);
        assertThat(document.mimeType()).isEqualTo("audio/ogg");
        assertThat(document.size()).isEqualTo(ogg.length);
    }

    @Test
    void mediaOfTheWrongKindOrSizeIsRefusedAndNothingIsStored() {
        createLinked("acc-media-bad");
        byte[] png = padded("\u0089PNG\r\n\u001a\n", 100);

        badRequest(multipart("/send/audio", filePart("acc-media-bad", "audio", png, "x.ogg", "audio/ogg")));
        badRequest(multipart("/send/sticker", filePart("acc-media-bad", "sticker", png, "x.webp", "image/webp")));
        badRequest(multipart("/send/video", filePart("acc-media-bad", "video", isoMedia("M4A ", 100), "x.mp4", "video/mp4")));
        badRequest(multipart("/send/file", filePart("acc-media-bad", "file", new byte[0], "empty.txt", "text/plain")));
        badRequest(multipart("/send/file", form("acc-media-bad")));
        MultipartBodyBuilder expiry = filePart("acc-media-bad", "file", png, "x.png", "image/png");
        expiry.part("expires_at", "tomorrow");
        badRequest(multipart("/send/file", expiry));
        MultipartBodyBuilder caption = filePart("acc-media-bad", "video", isoMedia("isom", 100), "x.mp4", "video/mp4");
        caption.part("caption", "x".repeat(4_097));
        badRequest(multipart("/send/video", caption));
        badRequest(post("/send/video", Map.of("account_id", "acc-media-bad", "phone", TO, "video_url", "ftp://example.com/v.mp4")));
        badRequest(post("/send/sticker", Map.of("account_id", "acc-media-bad", "phone", TO)));
        multipart("/send/sticker", filePart("acc-media-bad", "sticker", webp(20 * 1024), "big.webp", "image/webp"))
                .expectStatus().isEqualTo(413).expectBody().jsonPath("$.code").isEqualTo("PAYLOAD_TOO_LARGE")
                .jsonPath("$.message").value(message -> assertThat((String) message).contains("sticker").contains("16 KB"));
        multipart("/send/file", filePart("acc-unknown-media", "file", png, "x.png", "image/png"))
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");

        assertThat(mediaCount("acc-media-bad")).isZero();
        assertThat(worker.commands).noneMatch(seen -> seen.key().equals("acc-media-bad"));
    }

    @Test
    void unknownMediaIsNotFound() {
        for (String id : new String[]{"65f0c0ffee65f0c0ffee65f0", "not-an-id", "%20"}) {
            client.get().uri("/media/" + id).exchange().expectStatus().isNotFound().expectBody()
                    .jsonPath("$.code").isEqualTo("NOT_FOUND");
        }
    }

    private String upload(String path, String part, byte[] bytes, String fileName, MediaType type, String caption) {
        MultipartBodyBuilder form = filePart("acc-media", part, bytes, fileName, type.toString());
        if (caption != null) {
            form.part("caption", caption);
        }
        byte[] body = multipart(path, form).expectStatus().isOk().expectBody()
                .jsonPath("$.message").isEqualTo(part + " queued")
                .jsonPath("$.results.status").isEqualTo("queued")
                .returnResult().getResponseBody();
        return resultField(body, "message_id");
    }

    private <C extends Command> MediaRef published(String messageId, Class<C> type, Function<C, MediaRef> media) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(worker.commands)
                .anyMatch(seen -> type.isInstance(seen.value()) && messageIdOf(seen.value()).equals(messageId)));
        return worker.commands.stream().map(FakeSessionWorker.Seen::value).filter(type::isInstance).map(type::cast)
                .filter(command -> messageIdOf(command).equals(messageId)).map(media).findFirst().orElseThrow();
    }

    private static String messageIdOf(Command command) {
        return switch (command) {
            case SendFile c -> c.messageId();
            case SendVideo c -> c.messageId();
            case SendAudio c -> c.messageId();
            case SendSticker c -> c.messageId();
            default -> "";
        };
    }

    private long mediaCount(String account) {
        return mongo.count(Query.query(where("metadata.account_id").is(account)), "media.files").block();
    }

    private static MultipartBodyBuilder form(String account) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("account_id", account);
        form.part("phone", TO);
        return form;
    }

    private static MultipartBodyBuilder filePart(String account, String part, byte[] bytes, String fileName, String type) {
        MultipartBodyBuilder form = form(account);
        form.part(part, new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }).contentType(MediaType.parseMediaType(type));
        return form;
    }

    private WebTestClient.ResponseSpec multipart(String path, MultipartBodyBuilder form) {
        return client.post().uri(path).contentType(MediaType.MULTIPART_FORM_DATA).bodyValue(form.build()).exchange();
    }

    /** An ISO base media file's opening: a box size, {@code ftyp} and the brand that tells video from audio. */
    private static byte[] isoMedia(String brand, int length) {
        byte[] bytes = padded("\u0000\u0000\u0000\u0018ftyp" + brand, length);
        return bytes;
    }

    private static byte[] webp(int length) {
        return padded("RIFF\u0000\u0000\u0000\u0000WEBPVP8 ", length);
    }

    private static byte[] padded(String head, int length) {
        byte[] bytes = Arrays.copyOf(head.getBytes(StandardCharsets.ISO_8859_1), length);
        return bytes;
    }
}
