package io.wafleet.session.connector.sandbox;

import io.wafleet.common.command.SandboxChatPresence;
import io.wafleet.common.command.SandboxGroupUpdate;
import io.wafleet.common.command.SandboxInbound;
import io.wafleet.common.command.SandboxMessageUpdate;
import io.wafleet.session.PeriodicTask;
import io.wafleet.session.SessionWorkerProperties;
import io.wafleet.session.WorkerId;
import io.wafleet.session.kafka.EventPublisher;
import io.wafleet.session.session.CommandHandler;
import io.wafleet.session.session.SessionService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

/** The sandbox connector and its commands, when {@code wafleet.connector=sandbox} (the default). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "wafleet.connector", havingValue = "sandbox", matchIfMissing = true)
class SandboxConfiguration {

    @Bean
    SandboxConnector sandboxConnector(MongoTemplate mongo, WorkerId worker, ScheduledExecutorService workerScheduler,
                                      SessionWorkerProperties properties, Clock clock, EventPublisher publisher) {
        return new SandboxConnector(new MongoSandboxDevices(mongo), new MongoSandboxNetwork(mongo, worker.value()),
                new MongoSandboxMessages(mongo), new MongoSandboxGroups(mongo), workerScheduler, properties.sandbox(), clock, publisher::command);
    }

    /**
     * Deletes the carried messages the network has forgotten, so its memory stays bounded on the embedded
     * MongoDB-wire server too (it has no TTL indexes). Every worker runs it: deleting twice is harmless.
     */
    @Bean
    PeriodicTask sandboxMessagePruner(SandboxConnector connector, ScheduledExecutorService workerScheduler,
                                      SessionWorkerProperties properties) {
        return new PeriodicTask("Sandbox message pruning", connector::forgetExpiredMessages, workerScheduler,
                properties.sandbox().messages().pruneInterval(), SmartLifecycle.DEFAULT_PHASE);
    }

    /** The connections' keepalive; with the lease keeper, stopped after the command listeners, once the sessions are handed over. */
    @Bean
    PeriodicTask sandboxKeepalive(SandboxConnector connector, ScheduledExecutorService workerScheduler,
                                  SessionWorkerProperties properties) {
        return new PeriodicTask("Sandbox keepalive", connector::keepAlive, workerScheduler,
                properties.sandbox().keepaliveInterval(), Integer.MAX_VALUE - 1000);
    }

    @Bean
    SandboxScanHandler sandboxScanHandler(SandboxConnector connector, EventPublisher publisher) {
        return new SandboxScanHandler(connector, publisher);
    }

    @Bean
    CommandHandler<SandboxInbound> sandboxInboundHandler(SandboxConnector connector, SessionService sessions) {
        return new SandboxDeliveryHandler<>(SandboxInbound.class, c -> "message " + c.messageId(), connector::deliver,
                false, sessions);
    }

    @Bean
    CommandHandler<SandboxMessageUpdate> sandboxMessageUpdateHandler(SandboxConnector connector, SessionService sessions) {
        return new SandboxDeliveryHandler<>(SandboxMessageUpdate.class,
                c -> c.kind().wireName() + " of message " + c.messageId(), connector::deliver, false, sessions);
    }

    @Bean
    CommandHandler<SandboxChatPresence> sandboxChatPresenceHandler(SandboxConnector connector, SessionService sessions) {
        return new SandboxDeliveryHandler<>(SandboxChatPresence.class, c -> "chat presence " + c.commandId(),
                connector::deliver, true, sessions);
    }

    @Bean
    CommandHandler<SandboxGroupUpdate> sandboxGroupUpdateHandler(SandboxConnector connector, SessionService sessions) {
        return new SandboxDeliveryHandler<>(SandboxGroupUpdate.class, c -> "group update " + c.commandId(),
                connector::deliver, false, sessions);
    }

    @Bean
    SandboxFaultHandler sandboxFaultHandler(SandboxConnector connector, SessionService sessions, EventPublisher publisher) {
        return new SandboxFaultHandler(connector, sessions, publisher);
    }

    @Bean
    SandboxDuplicateConnectionHandler sandboxDuplicateConnectionHandler(SandboxConnector connector, SessionService sessions,
                                                                        EventPublisher publisher) {
        return new SandboxDuplicateConnectionHandler(connector, sessions, publisher);
    }
}
