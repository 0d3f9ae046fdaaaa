package io.wafleet.webhook.address;

/**
 * A webhook URL that may not be called: not http(s), or its host is (or resolves only to) an address
 * refused by the configuration. Nothing was sent. The message names the host and why, never a secret.
 */
public final class RefusedAddressException extends RuntimeException {

    RefusedAddressException(String message) {
        super(message, null, false, false);
    }
}
