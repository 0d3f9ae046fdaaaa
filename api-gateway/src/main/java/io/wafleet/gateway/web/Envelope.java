package io.wafleet.gateway.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Every response body: {@code {"status": <http status>, "code": "SUCCESS" | "BAD_REQUEST" | ...,
 * "message": "...", "results": ...}}, as go-whatsapp-web-multidevice answers, so its clients can switch.
 */
public record Envelope(int status, String code, String message, Object results) {

    public static ResponseEntity<Envelope> ok(String message, Object results) {
        return of(HttpStatus.OK, message, results);
    }

    public static ResponseEntity<Envelope> created(String message, Object results) {
        return of(HttpStatus.CREATED, message, results);
    }

    /** Accepted for asynchronous work (a redelivery): the outcome shows up later. */
    public static ResponseEntity<Envelope> accepted(String message, Object results) {
        return of(HttpStatus.ACCEPTED, message, results);
    }

    static Envelope error(int status, String message) {
        return new Envelope(status, codeOf(status), message, null);
    }

    /** An error with a precise {@code code}; null means the status's own. */
    static Envelope error(int status, String code, String message) {
        return new Envelope(status, code == null ? codeOf(status) : code, message, null);
    }

    private static ResponseEntity<Envelope> of(HttpStatus status, String message, Object results) {
        return ResponseEntity.status(status).body(new Envelope(status.value(), "SUCCESS", message, results));
    }

    /** The envelope's {@code code} for an HTTP status; other client errors read as BAD_REQUEST. */
    static String codeOf(int status) {
        return switch (status) {
            case 200, 201, 202 -> "SUCCESS";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 409 -> "CONFLICT";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 422 -> "UNPROCESSABLE";
            case 429 -> "RATE_LIMITED";
            case 503 -> "SERVICE_UNAVAILABLE";
            default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
        };
    }
}
