package io.wafleet.session.connector.sandbox;

import io.wafleet.common.command.SandboxScan;
import io.wafleet.common.connector.ConnectorException;
import io.wafleet.session.kafka.EventPublisher;
import io.wafleet.session.session.CommandHandler;

/** The simulated phone scans the QR (or enters the pairing code): answers the resulting status, or {@code no_pending_login}. */
final class SandboxScanHandler implements CommandHandler<SandboxScan> {

    private final SandboxConnector connector;
    private final EventPublisher publisher;

    SandboxScanHandler(SandboxConnector connector, EventPublisher publisher) {
        this.connector = connector;
        this.publisher = publisher;
    }

    @Override
    public Class<SandboxScan> type() {
        return SandboxScan.class;
    }

    @Override
    public void handle(SandboxScan command) {
        try {
            publisher.replyStatus(command.replyTo(), command.accountId(), connector.scan(command.accountId()));
        } catch (ConnectorException e) {
            publisher.replyError(command.replyTo(), command.accountId(), e.reason(), e.getMessage());
        }
    }
}
