package io.wafleet.session.session;

/** A command that retrying cannot help: it is rejected at once and dead-lettered. */
public class RejectedCommandException extends RuntimeException {

    public RejectedCommandException(String reason) {
        super(reason);
    }
}
