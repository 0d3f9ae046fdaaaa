package io.wafleet.common.crypto;

/**
 * A sealed secret that cannot be opened: altered, bound to another record, or sealed under a master
 * key this process does not have. The message names key ids, never keys or secrets.
 */
public class SecretUnreadableException extends RuntimeException {

    SecretUnreadableException(String message) {
        super(message);
    }
}
