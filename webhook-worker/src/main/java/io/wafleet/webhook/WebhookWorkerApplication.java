package io.wafleet.webhook;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * The webhook worker: consumes {@code wafleet.events} in the group {@code wafleet-webhook-workers}
 * and delivers each event, signed, to its account's webhook. Its HTTP port only serves actuator.
 * Its configuration file is {@code webhook-worker.yml}, so the services can share one JVM in the
 * whole-fleet launcher without reading each other's configuration.
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
}
