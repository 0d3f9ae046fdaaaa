package io.wafleet.gateway;

import io.wafleet.common.command.CommandRules;
import io.wafleet.gateway.FuzzRequest.Part;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.springframework.http.HttpMethod;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static io.wafleet.gateway.ApiRoutes.MEDIA_KINDS;
import static io.wafleet.gateway.ApiRoutes.TO;
import static io.wafleet.gateway.FuzzValues.text;

/** Multipart forms for the media sends ({@code /send/<kind>}): valid uploads, spoiled ones, and any. */
final class MediaForms {

    private static final String MULTIPART = "multipart/form-data; boundary=" + FuzzRequest.BOUNDARY;
    private static final byte[] PNG = png();
    private final String account;

    MediaForms(String account) {
        this.account = account;
    }

    /** A valid upload of each kind for the account: refused only when the account is unknown. */
    Arbitrary<FuzzRequest> upload() {
        return Arbitraries.of(MEDIA_KINDS).map(kind -> form("an upload", kind, valid(kind)));
    }

    /** Uploads spoiled in one way each, all refused. */
    Arbitrary<FuzzRequest> refused() {
        return Arbitraries.of(MEDIA_KINDS).flatMap(kind -> Arbitraries.oneOf(
                text(6).filter(body -> !body.contains("--" + FuzzRequest.BOUNDARY)).map(body -> FuzzRequest.of(
                        "a garbled multipart body", HttpMethod.POST, "/send/" + kind, MULTIPART, FuzzRequest.utf8(body))),
                Arbitraries.just(FuzzRequest.of("multipart without a boundary", HttpMethod.POST, "/send/" + kind,
                        "multipart/form-data", FuzzRequest.multipart(valid(kind)))),
                spoil(kind).map(spoiled -> form(spoiled.what(), kind, spoiled.parts())),
                Combinators.combine(Arbitraries.of("", "a b", "k".repeat(256), "tab\tkey"), Arbitraries.just(kind))
                        .as((key, k) -> form("a bad Idempotency-Key", k, valid(k)).withHeader("Idempotency-Key", key))));
    }

    /** Forms of random parts, valid or not. */
    Arbitrary<FuzzRequest> any() {
        Arbitrary<Part> part = Arbitraries.oneOf(
                Arbitraries.of("account_id", "phone", "caption", "expires_at", "image", "file", "video", "audio", "sticker",
                        "image_url", "file_url", "extra").flatMap(name -> Arbitraries.oneOf(
                        FuzzValues.anyText().map(value -> Part.field(name, value)),
                        Combinators.combine(fileName(), Arbitraries.of("image/png", "application/pdf", "text/plain", "x/y",
                                        "garbage", "application/octet-stream").injectNull(0.3), bytes())
                                .as((file, type, content) -> new Part(name, file, type, content)))),
                Arbitraries.of(Part.field("account_id", account), Part.field("phone", TO),
                        new Part("image", "a.png", "image/png", PNG),
                        Part.field("image_url", "http://127.0.0.1:9/media.bin")));
        return Combinators.combine(Arbitraries.of(MEDIA_KINDS), part.list().ofMaxSize(8),
                        Arbitraries.of(MULTIPART, "multipart/form-data", "multipart/mixed; boundary=" + FuzzRequest.BOUNDARY))
                .as((kind, parts, type) -> FuzzRequest.of("a random form", HttpMethod.POST, "/send/" + kind, type,
                        FuzzRequest.multipart(parts)));
    }

    private record Spoiled(String what, List<Part> parts) {
    }

    private Arbitrary<Spoiled> spoil(String kind) {
        List<Part> valid = valid(kind);
        Arbitrary<String> notAPhone = text(3).filter(phone -> !CommandRules.isPhone(phone) && !phone.isEmpty());
        Arbitrary<String> notAnInstant = text(3).filter(value -> !value.isEmpty() && !isInstant(value));
        List<Arbitrary<Spoiled>> spoils = new ArrayList<>(List.of(
                FuzzValues.invalidAccountId().map(id -> replaced("an invalid account_id", valid, "account_id", Part.field("account_id", id))),
                Arbitraries.just(replaced("no account_id", valid, "account_id", null)),
                Arbitraries.just(replaced("account_id as a file", valid, "account_id",
                        new Part("account_id", "id.txt", "text/plain", FuzzRequest.utf8(account)))),
                notAPhone.map(phone -> replaced("an invalid phone", valid, "phone", Part.field("phone", phone))),
                Arbitraries.just(replaced("no phone", valid, "phone", null)),
                notAnInstant.map(value -> added("expires_at not an instant", valid, Part.field("expires_at", value))),
                Arbitraries.just(added("expires_at in the past", valid, Part.field("expires_at", "2020-01-01T00:00:00Z"))),
                Arbitraries.just(replaced("no " + kind, valid, kind, null)),
                text(3).map(value -> replaced(kind + " as a text field", valid, kind, Part.field(kind, value))),
                Arbitraries.just(replaced("an empty " + kind, valid, kind, new Part(kind, "x.bin", null, new byte[0]))),
                text(3).map(value -> replaced("an invalid " + kind + "_url", valid, kind, Part.field(kind + "_url", "x" + value)))));
        if (!kind.equals("file")) {
            spoils.add(bytes().filter(bytes -> bytes.length > 0).map(bytes -> replaced("not an " + kind, valid, kind,
                    new Part(kind, "x.bin", null, notMedia(bytes)))));
        }
        if (!kind.equals("audio") && !kind.equals("sticker")) {
            spoils.add(Arbitraries.integers().between(CommandRules.MAX_CAPTION + 1, CommandRules.MAX_CAPTION + 2_000)
                    .map(length -> added("a caption too long", valid, Part.field("caption", "c".repeat(length)))));
        }
        return Arbitraries.oneOf(spoils);
    }

    private List<Part> valid(String kind) {
        byte[] media = switch (kind) {
            case "image" -> PNG;
            case "sticker" -> "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
            case "video" -> "\0\0\0\u0018ftypisom\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
            case "audio" -> "OggS\0\u0002\0\0".getBytes(StandardCharsets.ISO_8859_1);
            default -> "%PDF-1.4\n".getBytes(StandardCharsets.ISO_8859_1);
        };
        String type = kind.equals("file") ? "application/pdf" : null;
        return List.of(Part.field("account_id", account), Part.field("phone", TO),
                new Part(kind, kind + ".bin", type, media));
    }

    private FuzzRequest form(String what, String kind, List<Part> parts) {
        return FuzzRequest.of(what, HttpMethod.POST, "/send/" + kind, MULTIPART, FuzzRequest.multipart(parts));
    }

    private static Spoiled replaced(String what, List<Part> parts, String name, Part replacement) {
        return new Spoiled(what, edit(parts, list -> {
            list.removeIf(part -> part.name().equals(name));
            if (replacement != null) {
                list.add(replacement);
            }
            return list;
        }));
    }

    private static Spoiled added(String what, List<Part> parts, Part part) {
        return new Spoiled(what, edit(parts, list -> {
            list.add(part);
            return list;
        }));
    }

    private static List<Part> edit(List<Part> parts, UnaryOperator<List<Part>> change) {
        return List.copyOf(change.apply(new ArrayList<>(parts)));
    }

    /** Bytes no media kind but the file takes: none of their signatures at the start or at offset 4. */
    private static byte[] notMedia(byte[] bytes) {
        byte[] content = new byte[bytes.length + 1];
        content[0] = 'x';
        System.arraycopy(bytes, 0, content, 1, bytes.length);
        if (content.length >= 8 && new String(content, 4, 4, StandardCharsets.ISO_8859_1).equals("ftyp")) {
            content[4] = 'x';
        }
        return content;
    }

    private static Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
    }

    /** File names with traversal, unicode and odd characters, never a quote or a line break (they end the header). */
    private static Arbitrary<String> fileName() {
        return Arbitraries.oneOf(text(3), Arbitraries.of("../../etc/passwd", "..", ".", "a.png", "x".repeat(300),
                        "\u202Egnp.exe", "con.txt"))
                .map(name -> name.replaceAll("[\"\r\n]", "_"));
    }

    private static byte[] png() {
        try {
            return GatewayTestSupport.png();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isInstant(String value) {
        try {
            Instant.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
