package io.wafleet.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** The two modes' configuration files, bound as Boot binds them (the production file overrides the default). */
class GatewayPropertiesTest {

    @Test
    void localModeAllowsWebhooksToPrivateAddresses() throws IOException {
        GatewayProperties local = bind("api-gateway.yml");
        assertThat(local.webhook().allowPrivateAddresses()).isTrue();
        assertThat(local.webhook().redeliverBatchSize()).isEqualTo(1000);
        assertThat(local.accounts().defaultTransport()).isEqualTo("sandbox");
    }

    @Test
    void productionRefusesWebhooksToPrivateAddresses() throws IOException {
        GatewayProperties production = bind("api-gateway-production.yml", "api-gateway.yml");
        assertThat(production.webhook().allowPrivateAddresses()).isFalse();
        assertThat(production.sandbox().enabled()).isFalse();
    }

    /** Binds {@code files}, the first winning, with placeholders resolved to their defaults. */
    private static GatewayProperties bind(String... files) throws IOException {
        MutablePropertySources sources = new MutablePropertySources();
        for (String file : files) {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load(file, new ClassPathResource(file))) {
                sources.addLast(source);
            }
        }
        Binder binder = new Binder(ConfigurationPropertySources.from(sources),
                new PropertySourcesPlaceholdersResolver(sources));
        return binder.bindOrCreate("wafleet", GatewayProperties.class);
    }
}
