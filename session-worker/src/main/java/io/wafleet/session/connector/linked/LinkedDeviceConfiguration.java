package io.wafleet.session.connector.linked;

import io.wafleet.session.SessionWorkerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The linked-device connector; always present, used by the accounts whose transport it is (it opens
 * nothing until one of them logs in). Its connect timeout is two thirds of the worker's call timeout, so
 * that a login against an unreachable WhatsApp fails with the connector's own reason before the worker
 * stops waiting.
 */
@Configuration(proxyBeanMethods = false)
class LinkedDeviceConfiguration {

    private static final Duration QR_VALIDITY = Duration.ofSeconds(20);
    private static final Duration CREDENTIALS_INTERVAL = Duration.ofSeconds(5);

    @Bean
    LinkedDeviceConnector linkedDeviceConnector(SessionWorkerProperties properties, ScheduledExecutorService workerScheduler,
                                                Clock clock) {
        Duration connectTimeout = properties.sessions().callTimeout().multipliedBy(2).dividedBy(3);
        return new LinkedDeviceConnector(new LinkedDeviceConnector.Options(connectTimeout, QR_VALIDITY,
                CREDENTIALS_INTERVAL, workerScheduler, clock));
    }
}
