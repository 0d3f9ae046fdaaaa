package io.wafleet.webhook;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import java.time.Clock;

/**
 * The webhook worker: consumes {@code wafleet.events} in the group {@code wafleet-webhook-workers}
 * and delivers each event, signed, to its account's webhook; failed deliveries wait on the retry tiers
 * {@code wafleet.events.retry-*}. Its HTTP port only serves actuator. Its configuration file is
 * {@code webhook-worker.yml}, so the services can share one JVM in the whole-fleet launcher without
 * reading each other's configuration.
 */
@SpringBootApplication
@EnableConfigurationProperties(WebhookWorkerProperties.class)
public class WebhookWorkerApplication {

    public static final String CONFIG_NAME = "webhook-worker";

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(WebhookWorkerApplication.class);
        application.setDefaultProperties(java.util.Map.of("spring.config.name", CONFIG_NAME));
        application.run(args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Timers of the worker: resuming a retry tier when its head is due, pruning old delivery records. */
    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskScheduler webhookScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("wafleet-webhook-timer-");
        scheduler.initialize();
        return scheduler;
    }
}
