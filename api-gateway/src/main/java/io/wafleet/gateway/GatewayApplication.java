package io.wafleet.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The wafleet HTTP API: validates, stores configuration in MongoDB and publishes commands to Kafka.
 * Its configuration file is {@code api-gateway.yml} (not {@code application.yml}), so the services can
 * share one JVM in the whole-fleet launcher without reading each other's configuration.
 */
@SpringBootApplication
@EnableConfigurationProperties(GatewayProperties.class)
public class GatewayApplication {

    public static final String CONFIG_NAME = "api-gateway";

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(GatewayApplication.class);
        application.setDefaultProperties(java.util.Map.of("spring.config.name", CONFIG_NAME));
        application.run(args);
    }
}
