package io.wafleet.gateway.auth;

import io.wafleet.gateway.GatewayProperties;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Refuses to start a gateway that anyone could reach without a key: the {@code production} profile, or
 * any bind address other than loopback, needs an admin key ({@code WAFLEET_ADMIN_KEY}). Checked before
 * any other bean is made (a bean factory post-processor), so before the gateway talks to Kafka or
 * MongoDB, and long before it listens.
 */
@Component
class Exposure implements BeanFactoryPostProcessor, EnvironmentAware {

    static final int MIN_ADMIN_KEY_LENGTH = 32;

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        String adminKey = Binder.get(environment).bind("wafleet.auth.admin-key", String.class).orElse(null);
        check(new GatewayProperties.Auth(adminKey), environment.matchesProfiles("production"),
                environment.getProperty("server.address"));
    }

    static void check(GatewayProperties.Auth auth, boolean production, String address) {
        if (auth.keysOn()) {
            if (auth.adminKey().strip().length() < MIN_ADMIN_KEY_LENGTH) {
                throw new IllegalStateException("WAFLEET_ADMIN_KEY is too short to be safe: use " + MIN_ADMIN_KEY_LENGTH
                        + " characters or more (e.g. the output of 'openssl rand -base64 32')");
            }
            return;
        }
        boolean loopback = isLoopback(address);
        if (production || !loopback) {
            String where = address == null || address.isBlank() ? "every address" : address;
            throw new IllegalStateException("wafleet refuses to start unprotected: the API would listen on " + where
                    + (production ? " in the production profile" : "") + " without an admin key. Set WAFLEET_ADMIN_KEY"
                    + " (" + MIN_ADMIN_KEY_LENGTH + " characters or more, e.g. 'openssl rand -base64 32'), or run in"
                    + " local mode, bound to 127.0.0.1 (server.address)");
        }
    }

    private static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address.strip()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
