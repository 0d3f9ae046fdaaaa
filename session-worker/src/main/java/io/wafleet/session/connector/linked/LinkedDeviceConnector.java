package io.wafleet.session.connector.linked;

import io.wafleet.common.AccountId;
import io.wafleet.common.connector.Connector;
import io.wafleet.common.connector.Session;
import io.wafleet.common.connector.SessionListener;
import io.wafleet.common.connector.SessionSettings;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * WhatsApp Web multi-device ("linked device", QR code or pairing code) through cobalt. Each session's
 * login lives in memory and in the credentials the worker stores, never in local files, so any worker
 * can restore it after a failover.
 */
public final class LinkedDeviceConnector implements Connector {

    public static final String NAME = "linked_device";

    private final Options options;

    LinkedDeviceConnector(Options options) {
        this.options = options;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Session open(AccountId accountId, SessionListener listener, SessionSettings settings) {
        return new LinkedDeviceSession(accountId, listener, settings, options);
    }

    /**
     * @param connectTimeout      how long a login or restore waits for WhatsApp before failing {@code unreachable};
     *                            below the worker's call timeout, so the worker hears the connector's reason
     * @param qrValidity          how long an issued QR code is shown as valid (WhatsApp rotates them)
     * @param credentialsInterval changed keys are reported to the worker at most this often
     * @param scheduler           runs connect timeouts and credential flushes (no task of it blocks)
     */
    record Options(Duration connectTimeout, Duration qrValidity, Duration credentialsInterval,
                   ScheduledExecutorService scheduler, Clock clock) {
    }
}
