package io.wafleet.session.credentials;

/** Stored credentials that cannot be opened: altered, truncated, or sealed under a master key not configured. */
public class CredentialsUnreadableException extends RuntimeException {

    CredentialsUnreadableException(String message) {
        super(message);
    }
}
