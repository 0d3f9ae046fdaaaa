package io.wafleet.gateway.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;

/**
 * The OpenAPI description served at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}).
 * Schemas are named in snake_case, as the API reads and writes JSON (springdoc's model reader has a
 * Jackson mapper of its own, which knows nothing of {@code spring.jackson.property-naming-strategy}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    /** Examples by field or parameter name, taken from the seed walkthrough. */
    private static final Map<String, Object> EXAMPLES = Map.ofEntries(
            Map.entry("account_id", "whatsapp_bisnis"),
            Map.entry("id", "whatsapp_bisnis"),
            Map.entry("phone", "6281234567890"),
            Map.entry("to", "6289876543210"),
            Map.entry("phone_number", "6281234567890"),
            Map.entry("message", "Hello from Business Account"),
            Map.entry("caption", "Image from account1"),
            Map.entry("expires_at", "2026-11-26T10:15:30Z"),
            Map.entry("image_url", "https://example.com/photo.jpg"),
            Map.entry("file_url", "https://example.com/invoice.pdf"),
            Map.entry("video_url", "https://example.com/clip.mp4"),
            Map.entry("audio_url", "https://example.com/note.ogg"),
            Map.entry("sticker_url", "https://example.com/smile.webp"),
            Map.entry("link", "https://example.com/menu"),
            Map.entry("latitude", -6.175392),
            Map.entry("longitude", 106.827153),
            Map.entry("name", "Monas"),
            Map.entry("address", "Jakarta Pusat"),
            Map.entry("contact_name", "Budi Santoso"),
            Map.entry("contact_phone", "6289876543210"),
            Map.entry("question", "Lunch?"),
            Map.entry("options", List.of("Nasi goreng", "Sate")),
            Map.entry("max_answer", 1),
            Map.entry("emoji", "\uD83D\uDC4D"),
            Map.entry("messageId", "3EB0C431C26A1916E07F"),
            Map.entry("reply_message_id", "3EB0C431C26A1916E07F"),
            Map.entry("mediaId", "65f0c0ffee65f0c0ffee65f0"),
            Map.entry("eventId", "0f8a3c52-6e0b-3f4e-9b43-4c1f0d6f7a21"),
            Map.entry("webhook_url", "https://example.com/hooks/wafleet"),
            Map.entry("secret", "a-long-random-secret"),
            Map.entry("events", List.of("message", "message.ack")),
            Map.entry("max_attempts", 8),
            Map.entry("from", "6281111111111"),
            Map.entry("from_name", "Budi"),
            Map.entry("status", "read"),
            Map.entry("kind", "disconnect"),
            Map.entry("type", "available"),
            Map.entry("action", "start"),
            Map.entry("outcome", "dead"),
            Map.entry("limit", 20),
            Map.entry("title", "Tim Jualan"),
            Map.entry("group_id", "120363021234567890@g.us"),
            Map.entry("participants", List.of("6289876543210", "6281111111111")),
            Map.entry("scope", "account"),
            Map.entry("account_ids", List.of("whatsapp_bisnis")),
            Map.entry("keyId", "3f9c2a1b7d4e6f80"),
            Map.entry("transport", "cloud_api"),
            Map.entry("proxy", "socks5://user:password@proxy.example.com:1080"),
            Map.entry("phone_number_id", "106540352242922"),
            Map.entry("access_token", "EAAJB...a-long-system-user-token"),
            Map.entry("app_secret", "the-meta-app-secret"),
            Map.entry("verify_token", "a-random-verify-token"),
            Map.entry("webhook_path", "/cloud-api/whatsapp_bisnis/webhook"));

    @Bean
    OpenAPI wafleetOpenApi() {
        return new OpenAPI().info(new Info().title("wafleet API").version("1")
                .description("""
                        A multi-account WhatsApp gateway. Every call names its account (`account_id`); every \
                        answer is the envelope `{"status", "code", "message", "results"}`, errors too, with a \
                        `code` per kind (BAD_REQUEST, NOT_FOUND, NOT_LOGGED_IN, CONFLICT, PAYLOAD_TOO_LARGE, \
                        RATE_LIMITED, TIMEOUT, ...; UNSUPPORTED_FOR_TRANSPORT, a 400, for a login the account's \
                        transport does not have: a cloud_api account logs in with POST /accounts/{id}/login-with-token, \
                        the others by QR or pairing code). Accounts are created with a `transport` (sandbox, \
                        linked_device or cloud_api), an optional outbound `proxy` and, for cloud_api, `cloud_api` \
                        settings whose secrets are stored sealed and never shown; Meta calls each cloud_api account's \
                        open webhook `/cloud-api/{account_id}/webhook`. Sends answer at once with a message id and status `queued`; \
                        what happens next arrives at the account's webhook and in `GET /messages/{message_id}`. \
                        With keys on (`WAFLEET_ADMIN_KEY`), every call sends a key: `Authorization: Bearer <key>`, \
                        `X-Api-Key: <key>`, or basic auth with the key as the password. The admin key may do anything; \
                        a tenant key acts on, creates and deletes its accounts; an account key acts on its account \
                        only (401 UNAUTHORIZED without a valid key, 403 FORBIDDEN outside its scope)."""))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer"))
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-Api-Key"))
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .security(List.of(new SecurityRequirement().addList("bearer"), new SecurityRequirement().addList("apiKey"),
                        new SecurityRequirement().addList("basic")));
    }

    /**
     * An example for every field and path variable, by name (the API uses each name for one thing
     * only), and tags named after what they group ({@code send}, not {@code send-controller}).
     */
    @Bean
    OpenApiCustomizer examplesAndTags() {
        return api -> {
            if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
                api.getComponents().getSchemas().values().forEach(OpenApiConfiguration::exemplify);
            }
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                if (operation.getTags() != null) {
                    operation.setTags(operation.getTags().stream().map(tag -> tag.replace("-controller", "")).toList());
                }
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(parameter -> {
                        Object example = EXAMPLES.get(parameter.getName());
                        if (example != null && parameter.getExample() == null) {
                            parameter.setExample(example);
                        }
                    });
                }
                if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                    operation.getRequestBody().getContent().values().forEach(media -> exemplify(media.getSchema()));
                }
            }));
        };
    }

    @SuppressWarnings("rawtypes")
    private static void exemplify(Schema schema) {
        if (schema == null || schema.getProperties() == null) {
            return;
        }
        schema.getProperties().forEach((name, property) -> {
            Schema field = (Schema) property;
            Object example = EXAMPLES.get((String) name);
            if (example != null && field.getExample() == null && field.get$ref() == null) {
                field.setExample(example);
            }
        });
    }

    @Bean
    ModelResolver snakeCaseModels() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }
}
