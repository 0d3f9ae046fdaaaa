package io.wafleet.session.credentials;

/** Stored credentials that cannot be decrypted: altered, or sealed under another master key. */
public class CredentialsUnreadableException extends RuntimeException {

    CredentialsUnreadableException(String message) {
        super(message);
    }
}
