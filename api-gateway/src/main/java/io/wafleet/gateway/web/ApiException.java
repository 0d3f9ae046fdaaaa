package io.wafleet.gateway.web;

import org.springframework.http.HttpStatus;

import java.time.Duration;

/**
 * An answer other than success, with a message that tells the caller what to fix. Its envelope's
 * {@code code} is the status's ({@code BAD_REQUEST}, {@code NOT_FOUND}, ...) unless a more precise
 * kind is given ({@code NOT_LOGGED_IN}, {@code TIMEOUT}, ...).
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Duration retryAfter;

    public ApiException(HttpStatus status, String message) {
        this(status, null, message);
    }

    public ApiException(HttpStatus status, String code, String message) {
        this(status, code, message, null);
    }

    private ApiException(HttpStatus status, String code, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(HttpStatus.CONFLICT, message);
    }

    public static ApiException tooLarge(String message) {
        return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, message);
    }

    public static ApiException unavailable(String message) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, message);
    }

    /** 401 {@code UNAUTHORIZED}: no API key, or one that is unknown or revoked. */
    public static ApiException unauthorized(String message) {
        return new ApiException(HttpStatus.UNAUTHORIZED, message);
    }

    /** 403 with a precise {@code code}: the account may not do this (e.g. in a group it is not an admin of). */
    public static ApiException forbidden(String code, String message) {
        return new ApiException(HttpStatus.FORBIDDEN, code, message);
    }

    /** 409 {@code NOT_LOGGED_IN}: the account has no session to act with. */
    public static ApiException notLoggedIn(String message) {
        return new ApiException(HttpStatus.CONFLICT, "NOT_LOGGED_IN", message);
    }

    /** 429 {@code RATE_LIMITED}, answered with {@code Retry-After}: try again after that long. */
    public static ApiException rateLimited(String message, Duration retryAfter) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", message, retryAfter);
    }

    /** 503 {@code TIMEOUT}: what the call waits for did not answer in time. */
    public static ApiException timeout(String message) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "TIMEOUT", message);
    }

    public HttpStatus status() {
        return status;
    }

    /** How long the caller should wait before trying again, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The precise kind, or null for the status's own code. */
    public String code() {
        return code;
    }
}
