package io.wafleet.gateway;

import org.springframework.http.HttpMethod;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One generated request of {@link ApiFuzzIT}: sent as it is (the path already encoded, the body as
 * bytes, headers verbatim), so that nothing a client library would tidy up is lost.
 */
record FuzzRequest(String what, HttpMethod method, String path, Map<String, String> headers, byte[] body) {

    static final String BOUNDARY = "fuzzb0undary";

    static FuzzRequest of(String what, HttpMethod method, String path, String contentType, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return new FuzzRequest(what, method, path, headers, body);
    }

    static FuzzRequest json(String what, String path, String body) {
        return of(what, HttpMethod.POST, path, "application/json", utf8(body));
    }

    FuzzRequest withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new FuzzRequest(what, method, path, copy, body);
    }

    FuzzRequest as(String description) {
        return new FuzzRequest(description, method, path, headers, body);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A multipart form body with {@link #BOUNDARY}; a part is text, or a file when it has a file name. */
    static byte[] multipart(Iterable<Part> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part part : parts) {
            out.writeBytes(utf8("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + part.name() + "\""
                    + (part.fileName() == null ? "" : "; filename=\"" + part.fileName() + "\"") + "\r\n"
                    + (part.contentType() == null ? "" : "Content-Type: " + part.contentType() + "\r\n") + "\r\n"));
            out.writeBytes(part.content());
            out.writeBytes(utf8("\r\n"));
        }
        out.writeBytes(utf8("--" + BOUNDARY + "--\r\n"));
        return out.toByteArray();
    }

    record Part(String name, String fileName, String contentType, byte[] content) {

        static Part field(String name, String value) {
            return new Part(name, null, null, utf8(value));
        }
    }

    @Override
    public String toString() {
        String body = this.body == null ? "" : " body " + abbreviate(new String(this.body, StandardCharsets.UTF_8));
        return what + ": " + method + " " + abbreviate(path) + " " + headers.entrySet().stream()
                .map(h -> h.getKey() + "=" + abbreviate(h.getValue())).toList() + body;
    }

    static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...(" + text.length() + " chars)";
    }
}
