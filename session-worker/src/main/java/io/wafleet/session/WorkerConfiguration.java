package io.wafleet.session;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Process-wide beans: identity, time and the scheduler that runs delayed work (restores, sandbox receipts). */
@Configuration(proxyBeanMethods = false)
class WorkerConfiguration {

    @Bean
    WorkerId workerId(SessionWorkerProperties properties) {
        return WorkerId.resolve(properties.workerId());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService workerScheduler() {
        return Executors.newScheduledThreadPool(2, Thread.ofPlatform().name("wafleet-scheduler-", 0).daemon().factory());
    }
}
