package io.wafleet.gateway;

import io.wafleet.common.AccountId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values {@link ApiFuzzIT}'s requests are made of: text with every kind of character (control
 * characters, right-to-left marks, emoji, injection strings), numbers at and beyond every limit, JSON
 * of any shape, and account ids that cannot be one.
 */
final class FuzzValues {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> SPECIALS = List.of("\uD83D\uDE00", "\uD83D\uDC4D\uD83C\uDFFD", "\u202E", "\uFEFF",
            "\u2028", "\uFFFF", "\u0000", "../", "..\\", "%00", "%2F", "${jndi:ldap://x/a}", "' OR 1=1 --", "<script>",
            "\\", "\"", "{\"$gt\": \"\"}", "$where", "\r\n", "null", "6281234567890", "@g.us", "@s.whatsapp.net");

    private FuzzValues() {
    }

    /** Text of up to {@code chunks} pieces: ASCII, other scripts, control characters and special strings. */
    static Arbitrary<String> text(int chunks) {
        Arbitrary<String> chunk = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(12)),
                Tuple.of(2, Arbitraries.strings().withCharRange('\u00A0', '\u07FF').withCharRange('\u0800', '\uD7FF')
                        .ofMaxLength(6)),
                Tuple.of(1, Arbitraries.strings().withCharRange('\u0000', '\u001F').ofMaxLength(3)),
                Tuple.of(2, Arbitraries.of(SPECIALS)));
        return chunk.list().ofMaxSize(chunks).map(parts -> String.join("", parts));
    }

    /** Now and then far longer than any field allows. */
    static Arbitrary<String> anyText() {
        return Arbitraries.frequencyOf(Tuple.of(20, text(6)), Tuple.of(1, huge()));
    }

    /** Over 100,000 characters, not blank, within the 1 MB a body may have. */
    static Arbitrary<String> huge() {
        return Combinators.combine(Arbitraries.strings().withCharRange('!', '~').withCharRange('\u00A0', '\u07FF')
                        .ofMinLength(1).ofMaxLength(8), Arbitraries.integers().between(100_001, 200_000))
                .as((piece, length) -> piece.repeat(length / piece.length() + 1).substring(0, length));
    }

    static Arbitrary<Object> numbers() {
        return Arbitraries.oneOf(Arbitraries.integers().asGeneric(), Arbitraries.longs().asGeneric(),
                Arbitraries.doubles().between(-1e15, 1e15).asGeneric(),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(18).negate(), BigInteger.TEN.pow(30)).asGeneric(),
                Arbitraries.of(new BigDecimal("1e400"), new BigDecimal("-1e400"), new BigDecimal("4.9e-400"), -0.0,
                        Long.MIN_VALUE, Integer.MAX_VALUE + 1L, 9_999_999_999L, -9_999_999_999L, 1e308, 0, -1));
    }

    static Arbitrary<Object> scalar() {
        return Arbitraries.frequencyOf(Tuple.of(4, text(4).asGeneric()), Tuple.of(3, numbers()),
                Tuple.of(1, Arbitraries.of(true, false).asGeneric()), Tuple.of(1, Arbitraries.just(null)));
    }

    /** Any JSON value nested up to {@code depth} arrays and objects (null included). */
    static Arbitrary<Object> json(int depth) {
        if (depth <= 0) {
            return scalar();
        }
        Arbitrary<Object> inner = json(depth - 1);
        return Arbitraries.frequencyOf(Tuple.of(4, scalar()), Tuple.of(1, inner.list().ofMaxSize(4).asGeneric()),
                Tuple.of(1, object(inner)));
    }

    static Arbitrary<Object> object(Arbitrary<Object> values) {
        return Arbitraries.maps(key(), values).ofMaxSize(4).map(map -> (Object) new LinkedHashMap<>(map));
    }

    static Arbitrary<String> key() {
        return Arbitraries.oneOf(Arbitraries.of("account_id", "phone", "message", "type", "events", "headers", "$set",
                "__proto__", "_id", "constructor", ""), text(2));
    }

    /**
     * A value of another JSON type than {@code valid}'s, which strict binding refuses; {@code expires_at}
     * takes epoch numbers, so it gets no numbers.
     */
    static Arbitrary<Object> wrongType(String field, Object valid) {
        Arbitrary<Object> bool = Arbitraries.of(true, false).asGeneric();
        Arbitrary<Object> array = json(1).list().ofMaxSize(3).asGeneric();
        Arbitrary<Object> object = object(json(1));
        Arbitrary<Object> string = text(3).asGeneric();
        Arbitrary<Object> nonString = Arbitraries.oneOf(numbers(), bool, array, object);
        return switch (valid) {
            case String text when field.equals("expires_at") -> Arbitraries.oneOf(bool, array, object);
            case String text -> nonString;
            case Number number -> Arbitraries.oneOf(string, bool, array, object);
            case List<?> list -> Arbitraries.oneOf(string, numbers(), bool, object,
                    Combinators.combine(text(2).list().ofMaxSize(3), nonString).as((texts, wrong) -> {
                        List<Object> items = new ArrayList<>(texts);
                        items.add(texts.size() / 2, wrong);
                        return (Object) items;
                    }));
            case Map<?, ?> map -> Arbitraries.oneOf(string, numbers(), bool, array,
                    Combinators.combine(text(2), nonString).as((name, wrong) -> (Object) Map.of("X-" + name.hashCode(), wrong)));
            default -> throw new IllegalArgumentException("no wrong types for " + valid);
        };
    }

    /** Required values that are blank: whitespace only (an empty emoji is valid: it removes a reaction). */
    static Arbitrary<Object> blank(String field, Object valid) {
        Arbitrary<String> spaces = Arbitraries.strings().withChars(" \t\n\r\u000B\f\u2028\u3000").ofMinLength(1).ofMaxLength(5);
        return switch (valid) {
            case String text when field.equals("emoji") -> spaces.asGeneric();
            case String text -> Arbitraries.oneOf(Arbitraries.just(""), spaces).asGeneric();
            case List<?> list -> Arbitraries.oneOf(Arbitraries.just(List.of()),
                    Arbitraries.oneOf(Arbitraries.just(""), spaces).list().ofMinSize(1).ofMaxSize(3)).asGeneric();
            default -> Arbitraries.just(null);
        };
    }

    /** Account ids that are not one: other characters, too long, dots. */
    static Arbitrary<String> invalidAccountId() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, text(4).filter(id -> !id.isEmpty() && !AccountId.isValid(id))),
                Tuple.of(2, Arbitraries.strings().withCharRange('a', 'z').withChars("_-0123456789").ofMinLength(65)
                        .ofMaxLength(3_000)),
                Tuple.of(1, Arbitraries.of(".", "..", "...", "a.b", " ", "%", "+", "*", "~")));
    }

    /** A valid account id that no account has. */
    static Arbitrary<String> ghostAccountId() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars("_-0123456789").ofMinLength(1).ofMaxLength(40)
                .map(suffix -> "ghost-" + suffix);
    }

    /**
     * The text as one path segment or query value: every byte but unreserved characters
     * percent-encoded, and those too now and then ({@code sparse} false), so it decodes to {@code text}.
     */
    static String encode(String text, boolean encodeAll) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            boolean unreserved = c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0);
            if (unreserved && !encodeAll) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    /** Percent-encoded bytes that are not UTF-8 (a lone byte, an overlong slash, a surrogate), raw. */
    static Arbitrary<String> badlyEncoded() {
        return Arbitraries.of("%FF", "%C0%AF", "%ED%A0%80", "%00", "%E2%82", "%C3", "%2F", "%5C", "%25", "a", "%F4%90%80%80")
                .list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join("", parts));
    }

    /** JSON string escapes Java keeps but UTF-8 cannot say (lone surrogates), and other odd ones, raw. */
    static Arbitrary<String> oddEscapes() {
        return Arbitraries.of("\\ud800", "\\udfff", "\\ud83d\\ude00", "\\u0000", "\\uffff", "\\ufffe", "\\u202e", "\\/",
                "\\\\", "x").list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join("", parts));
    }

    static Arbitrary<String> encoded(Arbitrary<String> text) {
        return Combinators.combine(text, Arbitraries.integers().between(0, 9)).as((value, dice) -> encode(value, dice == 0));
    }

    static String write(Object value) {
        return JSON.writeValueAsString(value);
    }
}
