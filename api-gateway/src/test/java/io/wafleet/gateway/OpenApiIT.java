package io.wafleet.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI description the gateway serves, and Swagger UI on it. */
class OpenApiIT extends GatewayTestSupport {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping routes;

    @Test
    void everyRouteIsDescribedWithSnakeCaseSchemasAndExamples() {
        JsonNode spec = client.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        List<String> served = new ArrayList<>();
        routes.getHandlerMethods().forEach((info, handler) -> {
            if (handler.getBeanType().getPackageName().startsWith("io.wafleet")) {
                info.getPatternsCondition().getPatterns().forEach(pattern -> info.getMethodsCondition().getMethods()
                        .forEach(method -> served.add(method.name().toLowerCase(Locale.ROOT) + " " + pattern.getPatternString())));
            }
        });
        assertThat(served).hasSizeGreaterThan(40);
        assertThat(served).allSatisfy(route -> {
            String[] parts = route.split(" ");
            assertThat(spec.path("paths").path(parts[1]).has(parts[0])).as("%s is described", route).isTrue();
        });

        JsonNode schemas = spec.path("components").path("schemas");
        assertThat(schemas.path("SendMessageRequest").path("properties").propertyNames())
                .containsExactlyInAnyOrder("account_id", "phone", "message", "reply_message_id", "expires_at");
        List<String> withoutExample = new ArrayList<>();
        schemas.properties().forEach(schema -> schema.getValue().path("properties").properties().forEach(field -> {
            if (schema.getKey().endsWith("Request") && field.getValue().has("type")
                    && !field.getValue().path("type").asString().equals("object") && !field.getValue().has("example")) {
                withoutExample.add(schema.getKey() + "." + field.getKey());
            }
        }));
        assertThat(withoutExample).as("request fields without an example").isEmpty();

        // every answer is described: the success envelope with an example, and the errors with their codes
        spec.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            JsonNode responses = operation.getValue().path("responses");
            String at = operation.getKey() + " " + path.getKey();
            assertThat(responses.path("400").path("content").path("application/json").path("example").path("code").asString())
                    .as("400 of %s", at).isEqualTo("BAD_REQUEST");
            if (!path.getKey().startsWith("/media/") && !path.getKey().startsWith("/qr/")) {
                assertThat(responses.path("200").path("content").findValue("example")).as("200 example of %s", at).isNotNull();
            }
        }));
        JsonNode sendMessage = spec.path("paths").path("/send/message").path("post").path("responses");
        assertThat(sendMessage.path("200").path("content").findValue("example").path("results").path("status").asString())
                .isEqualTo("queued");
        assertThat(sendMessage.path("409").path("content").path("application/json").path("example").path("code").asString())
                .isEqualTo("NOT_LOGGED_IN");
        assertThat(spec.path("paths").path("/send/video").path("post").path("responses").has("413")).isTrue();

        JsonNode image = spec.path("paths").path("/send/image").path("post").path("requestBody").path("content");
        assertThat(image.has("application/json")).isTrue();
        assertThat(image.path("multipart/form-data").path("schema").path("properties").path("image").path("format").asString())
                .isEqualTo("binary");
        assertThat(spec.path("paths").path("/send/message").path("post").path("tags").get(0).asString()).isEqualTo("send");
    }

    @Test
    void swaggerUiIsServedOnTheDescription() {
        client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection()
                .expectHeader().location("/swagger-ui/index.html");
        client.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk()
                .expectBody(String.class).value(page -> assertThat(page).contains("swagger"));
        client.get().uri("/v3/api-docs/swagger-config").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.url").isEqualTo("/v3/api-docs");
    }
}
