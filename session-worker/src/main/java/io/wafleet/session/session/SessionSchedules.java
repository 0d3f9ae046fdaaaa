package io.wafleet.session.session;

import io.wafleet.session.PeriodicTask;
import io.wafleet.session.SessionWorkerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.ScheduledExecutorService;

/** The session worker's periodic work on sessions. */
@Configuration(proxyBeanMethods = false)
class SessionSchedules {

    /** Started after the lease keeper and stopped before it hands the sessions over, so it queues nothing then. */
    @Bean
    PeriodicTask sessionReconciliation(SessionReconciler reconciler, ScheduledExecutorService workerScheduler,
                                       SessionWorkerProperties properties) {
        return new PeriodicTask("Session reconciliation", reconciler::reconcile, workerScheduler,
                properties.restore().reconcileInterval(), LeaseKeeper.PHASE + 1);
    }
}
