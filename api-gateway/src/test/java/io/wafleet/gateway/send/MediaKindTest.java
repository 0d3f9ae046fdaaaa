package io.wafleet.gateway.send;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Each kind knows its media by their first bytes, and a document's type by what the client said or its name. */
class MediaKindTest {

    @Test
    void audioIsToldByItsOpeningBytes() {
        assertThat(MediaKind.AUDIO.detect(bytes("OggS"), null, null)).isEqualTo("audio/ogg");
        assertThat(MediaKind.AUDIO.detect(bytes("ID3\u0004"), null, null)).isEqualTo("audio/mpeg");
        assertThat(MediaKind.AUDIO.detect(bytes("\u00ff\u00fb\u0090\u0064"), null, null)).isEqualTo("audio/mpeg");
        assertThat(MediaKind.AUDIO.detect(bytes("\u00ff\u00f1\u0050\u0080"), null, null)).isEqualTo("audio/aac");
        assertThat(MediaKind.AUDIO.detect(bytes("#!AMR\n"), null, null)).isEqualTo("audio/amr");
        assertThat(MediaKind.AUDIO.detect(bytes("\u0000\u0000\u0000\u0020ftypM4A "), null, null)).isEqualTo("audio/mp4");
        assertThat(MediaKind.AUDIO.detect(bytes("\u0000\u0000\u0000\u0020ftypisom"), "audio/ogg", "a.ogg")).isNull();
        assertThat(MediaKind.AUDIO.detect(bytes("%PDF-1.4"), "audio/ogg", "a.ogg")).isNull();
    }

    @Test
    void videosAreIsoMediaWithAVideoBrand() {
        assertThat(MediaKind.VIDEO.detect(bytes("\u0000\u0000\u0000\u0018ftypisom"), null, null)).isEqualTo("video/mp4");
        assertThat(MediaKind.VIDEO.detect(bytes("\u0000\u0000\u0000\u0018ftyp3gp5"), null, null)).isEqualTo("video/3gpp");
        assertThat(MediaKind.VIDEO.detect(bytes("\u0000\u0000\u0000\u0018ftypM4A "), null, null)).isNull();
        assertThat(MediaKind.VIDEO.detect(bytes("\u001aE\u00df\u00a3"), "video/webm", "a.webm")).isNull();
    }

    @Test
    void stickersAreWebpOnlyAndImagesAnyCommonFormat() {
        byte[] webp = bytes("RIFF\u0000\u0000\u0000\u0000WEBPVP8 ");
        byte[] png = bytes("\u0089PNG\r\n\u001a\n");
        assertThat(MediaKind.STICKER.detect(webp, null, null)).isEqualTo("image/webp");
        assertThat(MediaKind.STICKER.detect(png, "image/webp", "a.webp")).isNull();
        assertThat(MediaKind.IMAGE.detect(png, null, null)).isEqualTo("image/png");
        assertThat(MediaKind.IMAGE.detect(webp, null, null)).isEqualTo("image/webp");
    }

    @Test
    void aDocumentTakesTheDeclaredTypeOrTheOneItsNameSuggests() {
        byte[] any = bytes("anything at all");
        assertThat(MediaKind.FILE.detect(any, "application/pdf", "x.bin")).isEqualTo("application/pdf");
        assertThat(MediaKind.FILE.detect(any, "application/octet-stream", "sheet.csv")).isEqualTo("text/csv");
        assertThat(MediaKind.FILE.detect(any, "not a type", "notes.txt")).isEqualTo("text/plain");
        assertThat(MediaKind.FILE.detect(any, null, "no-extension")).isEqualTo("application/octet-stream");
        assertThat(MediaKind.FILE.detect(any, "*/*", null)).isEqualTo("application/octet-stream");
    }

    @Test
    void fileNamesAreMadeSafeWithAFallbackPerKind() {
        assertThat(MediaKind.FILE.safeFileName("../../etc/passwd", "text/plain")).isEqualTo(".._.._etc_passwd");
        assertThat(MediaKind.AUDIO.safeFileName(null, "audio/ogg")).isEqualTo("audio.ogg");
        assertThat(MediaKind.FILE.safeFileName("..", "application/pdf")).isEqualTo("file");
        assertThat(MediaKind.VIDEO.safeFileName("x".repeat(200), "video/mp4")).isEqualTo("video.mp4");
    }

    private static byte[] bytes(String head) {
        return Arrays.copyOf(head.getBytes(StandardCharsets.ISO_8859_1), 64);
    }
}
