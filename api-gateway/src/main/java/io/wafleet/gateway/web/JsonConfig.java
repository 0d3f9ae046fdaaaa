package io.wafleet.gateway.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.accept.RequestedContentTypeResolverBuilder;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/** How the API speaks JSON: request bodies bind strictly, and every answer is JSON. */
@Configuration(proxyBeanMethods = false)
class JsonConfig implements WebFluxConfigurer {

    /**
     * A value of another JSON type than its field's is a 400 naming the field, as the seed's API
     * answers, rather than converted: {@code "phone": 6281234567890}, {@code "secret": true},
     * {@code "latitude": "-6.2"}, {@code "max_answer": 1.5} (which would become 1).
     */
    @Bean
    JsonMapperBuilderCustomizer strictJsonTypes() {
        return builder -> builder
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(LogicalType.Textual, strings -> strings
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    /**
     * The envelope is JSON whatever {@code Accept} asks for: WebFlux negotiates only once the handler
     * has run, so a 406 would come after a send was made. Media and QR codes keep the type their
     * handler sets.
     */
    @Override
    public void configureContentTypeResolver(RequestedContentTypeResolverBuilder builder) {
        builder.fixedResolver(MediaType.APPLICATION_JSON);
    }
}
