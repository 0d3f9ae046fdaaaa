package io.wafleet.gateway.delivery;

import org.bson.Document;

import java.time.Instant;
import java.util.Date;

/** Lenient reads of the webhook worker's records: a field may be absent, null or a wider number type. */
public final class DocumentFields {

    private DocumentFields() {
    }

    public static Integer integer(Document document, String field) {
        return document.get(field) instanceof Number number ? number.intValue() : null;
    }

    public static Long longValue(Document document, String field) {
        return document.get(field) instanceof Number number ? number.longValue() : null;
    }

    public static String string(Document document, String field) {
        Object value = document.get(field);
        return value == null ? null : value.toString();
    }

    public static Date date(Document document, String field) {
        return document.get(field) instanceof Date date ? date : null;
    }

    public static Instant instant(Document document, String field) {
        return switch (document.get(field)) {
            case Date date -> date.toInstant();
            case Instant instant -> instant;
            case null, default -> null;
        };
    }
}
