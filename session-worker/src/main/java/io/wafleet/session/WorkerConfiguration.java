package io.wafleet.session;

import io.wafleet.common.crypto.KeyRing;
import io.wafleet.common.crypto.SecretCipher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Process-wide beans: identity, time, the scheduler that runs delayed work (restore slots, sandbox receipts) and the restores. */
@Configuration(proxyBeanMethods = false)
class WorkerConfiguration {

    @Bean
    WorkerId workerId(SessionWorkerProperties properties) {
        return WorkerId.resolve(properties.workerId());
    }

    /** Seals and opens what the worker keeps secret at rest (stored logins) and reads of the gateway's (transport secrets). */
    @Bean
    SecretCipher secretCipher(SessionWorkerProperties properties) {
        return new SecretCipher(KeyRing.load(properties.credentials()));
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Runs session restores, each on a virtual thread of its own: a restore spends its time waiting on
     * MongoDB, Kafka and the connector, so the start queue's rate, not a pool size, bounds them.
     */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService restoreExecutor() {
        return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("wafleet-restore-", 0).factory());
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService workerScheduler() {
        return Executors.newScheduledThreadPool(2, Thread.ofPlatform().name("wafleet-scheduler-", 0).daemon().factory());
    }
}
