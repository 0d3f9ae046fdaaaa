package io.wafleet.gateway.send;

import io.wafleet.gateway.GatewayProperties;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.util.unit.DataSize;

import java.util.Locale;

/**
 * The kinds of media a send may carry, each with its form fields ({@code image} or {@code image_url},
 * ...), its size limit and the types WhatsApp shows it in. A file's type is told from its first bytes,
 * not from what the client claims, so a mislabelled file is refused; a document may be any file, its
 * type then taken from the upload or the file name.
 */
enum MediaKind {

    IMAGE("image", "image", "a JPEG, PNG, GIF or WebP image"),
    FILE("file", "document", "any file"),
    VIDEO("video", "video", "an MP4 or 3GPP video"),
    AUDIO("audio", "audio", "an Ogg, MP3, AAC, M4A or AMR audio file"),
    STICKER("sticker", "sticker", "a WebP image");

    private static final String OCTET_STREAM = "application/octet-stream";

    private final String field;
    private final String mediaType;
    private final String accepted;

    MediaKind(String field, String mediaType, String accepted) {
        this.field = field;
        this.mediaType = mediaType;
        this.accepted = accepted;
    }

    /** The multipart part of the upload, and the word for it in messages and answers. */
    String field() {
        return field;
    }

    /** The JSON field with the URL to download it from. */
    String urlField() {
        return field + "_url";
    }

    /** How WhatsApp kinds it ({@code media_type} of the webhook), also the send's message type. */
    String mediaType() {
        return mediaType;
    }

    /** Audio and stickers are shown without a caption. */
    boolean hasCaption() {
        return this != AUDIO && this != STICKER;
    }

    String accepted() {
        return accepted;
    }

    DataSize maxSize(GatewayProperties.Media media) {
        GatewayProperties.MaxSize sizes = media.maxSize();
        return switch (this) {
            case IMAGE -> sizes.image();
            case FILE -> sizes.file();
            case VIDEO -> sizes.video();
            case AUDIO -> sizes.audio();
            case STICKER -> sizes.sticker();
        };
    }

    /**
     * The MIME type the bytes are sent as, or null when they are not of this kind. {@code declared} is
     * the type the client gave (upload part or download response), {@code fileName} its name; only a
     * document uses them.
     */
    String detect(byte[] bytes, String declared, String fileName) {
        return switch (this) {
            case IMAGE -> image(bytes);
            case STICKER -> isWebp(bytes) ? "image/webp" : null;
            case VIDEO -> video(bytes);
            case AUDIO -> audio(bytes);
            case FILE -> document(declared, fileName);
        };
    }

    /** A name safe to store and show: letters, digits, dot, dash and underscore, with a fallback. */
    String safeFileName(String name, String mimeType) {
        String base = name == null ? "" : name.replaceAll("[^A-Za-z0-9._-]", "_");
        if (base.isBlank() || base.length() > 128 || base.chars().allMatch(c -> c == '.')) {
            base = field + extension(mimeType);
        }
        return base;
    }

    private static String image(byte[] bytes) {
        if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (startsWith(bytes, 0, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        return isWebp(bytes) ? "image/webp" : null;
    }

    private static boolean isWebp(byte[] bytes) {
        return startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P');
    }

    /** ISO base media files name their brand after {@code ftyp}: 3GPP brands start {@code 3g}, audio-only ones {@code M4A}. */
    private static String video(byte[] bytes) {
        if (!startsWith(bytes, 4, 'f', 't', 'y', 'p') || bytes.length < 12 || isAudioBrand(bytes)) {
            return null;
        }
        return startsWith(bytes, 8, '3', 'g') ? "video/3gpp" : "video/mp4";
    }

    private static String audio(byte[] bytes) {
        if (startsWith(bytes, 0, 'O', 'g', 'g', 'S')) {
            return "audio/ogg";
        }
        if (startsWith(bytes, 0, 'I', 'D', '3')) {
            return "audio/mpeg";
        }
        if (startsWith(bytes, 0, '#', '!', 'A', 'M', 'R')) {
            return "audio/amr";
        }
        if (startsWith(bytes, 4, 'f', 't', 'y', 'p') && isAudioBrand(bytes)) {
            return "audio/mp4";
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF) {
            int second = bytes[1] & 0xFF;
            if ((second & 0xF6) == 0xF0) {
                return "audio/aac"; // ADTS: sync word, layer 00
            }
            if ((second & 0xE0) == 0xE0 && (second & 0x06) != 0) {
                return "audio/mpeg"; // an MPEG audio frame without an ID3 tag
            }
        }
        return null;
    }

    private static boolean isAudioBrand(byte[] bytes) {
        return startsWith(bytes, 8, 'M', '4', 'A') || startsWith(bytes, 8, 'M', '4', 'B');
    }

    /** What the client said, when it is a well-formed specific type; else what the name suggests. */
    private static String document(String declared, String fileName) {
        if (declared != null) {
            try {
                MediaType type = MediaType.parseMediaType(declared);
                if (type.isConcrete() && !OCTET_STREAM.equals(type.getType() + "/" + type.getSubtype())) {
                    return (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
                }
            } catch (IllegalArgumentException malformed) {
                // told by the name instead
            }
        }
        return fileName == null ? OCTET_STREAM : MediaTypeFactory.getMediaType(fileName)
                .map(type -> type.getType() + "/" + type.getSubtype()).orElse(OCTET_STREAM);
    }

    private static String extension(String mimeType) {
        return switch (mimeType) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "image/gif" -> ".gif";
            case "image/webp" -> ".webp";
            case "video/mp4" -> ".mp4";
            case "video/3gpp" -> ".3gp";
            case "audio/ogg" -> ".ogg";
            case "audio/mpeg" -> ".mp3";
            case "audio/amr" -> ".amr";
            case "audio/mp4" -> ".m4a";
            case "audio/aac" -> ".aac";
            default -> "";
        };
    }

    private static boolean startsWith(byte[] bytes, int offset, int... expected) {
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
