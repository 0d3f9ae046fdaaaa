package io.wafleet.session.connector.linked;

import io.wafleet.common.AccountId;
import it.auties.whatsapp.api.ErrorHandler;
import it.auties.whatsapp.api.Whatsapp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cobalt's failures: logged (the location and the error's class, never keys), and answered so that
 * cobalt never reconnects in a loop of its own: a failure of the login or of the crypto disconnects, a
 * failed reconnect is reported as a dropped connection (the worker retries with backoff), anything else
 * is left to cobalt to ignore.
 */
final class CobaltErrors implements ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(CobaltErrors.class);

    private final AccountId account;
    private final CobaltListener events;

    CobaltErrors(AccountId account, CobaltListener events) {
        this.account = account;
        this.events = events;
    }

    @Override
    public Result handleError(Whatsapp whatsapp, Location location, Throwable error) {
        log.warn("Linked device of account {}: {} failure ({})", account, location, error == null ? "no error" : error.getClass().getName());
        return switch (location) {
            case LOGIN, CRYPTOGRAPHY, INITIAL_APP_STATE_SYNC -> Result.DISCONNECT;
            case RECONNECT -> {
                events.reconnectFailed();
                yield Result.DISCARD;
            }
            default -> Result.DISCARD;
        };
    }
}
