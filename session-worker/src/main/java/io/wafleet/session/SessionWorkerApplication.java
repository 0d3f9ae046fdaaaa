package io.wafleet.session;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The session worker: a member of the {@code wafleet-session-workers} consumer group on the command
 * topic, holding the live sessions of the accounts whose partitions it is assigned. Its HTTP port
 * serves only the actuator. Its configuration file is {@code session-worker.yml}, so the services can
 * share one JVM in the whole-fleet launcher without reading each other's configuration.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SessionWorkerApplication {

    public static final String CONFIG_NAME = "session-worker";

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(SessionWorkerApplication.class);
        application.setDefaultProperties(java.util.Map.of("spring.config.name", CONFIG_NAME));
        application.run(args);
    }
}
