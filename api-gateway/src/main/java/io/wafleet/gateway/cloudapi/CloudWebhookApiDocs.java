package io.wafleet.gateway.cloudapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Describes Meta's webhook of a Cloud API account: open (no API key), its handshake and its signed
 * notifications, whose raw body springdoc cannot see in the signature.
 */
@Component
class CloudWebhookApiDocs implements OpenApiCustomizer {

    private static final String PATH = "/cloud-api/{id}/webhook";
    private static final Map<String, Object> EXAMPLE = Map.of("object", "whatsapp_business_account", "entry", List.of(
            Map.of("id", "102290129340398", "changes", List.of(Map.of("field", "messages", "value", Map.of(
                    "messaging_product", "whatsapp",
                    "metadata", Map.of("display_phone_number", "15550783881", "phone_number_id", "106540352242922"),
                    "messages", List.of(Map.of("from", "16505551234", "id", "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=",
                            "timestamp", "1749416383", "type", "text", "text", Map.of("body", "Does it come in another color?")))))))));

    @Override
    public void customise(OpenAPI api) {
        PathItem path = api.getPaths() == null ? null : api.getPaths().get(PATH);
        if (path == null) {
            return;
        }
        open(path.getGet(), "Meta's verification handshake: with `hub.mode=subscribe` and the account's verify token "
                + "as `hub.verify_token`, answers `hub.challenge` as text/plain. 403 otherwise, also for an unknown "
                + "account or one that is not a cloud_api account.");
        if (path.getGet() != null) {
            path.getGet().setResponses(path.getGet().getResponses() == null ? new ApiResponses() : path.getGet().getResponses());
            path.getGet().getResponses().addApiResponse("200", new ApiResponse().description("the challenge")
                    .content(new Content().addMediaType(org.springframework.http.MediaType.TEXT_PLAIN_VALUE,
                            new MediaType().schema(new StringSchema()).example("1158201444"))));
        }
        Operation post = path.getPost();
        open(post, "A notification from Meta, published for the account's session worker as a `cloud_api.inbound` "
                + "command once Kafka acknowledged it (a retry of the same body is the same command). "
                + "`X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body with the app secret>` is required: "
                + "401 when it is missing or wrong (or the account unknown); 400 when the body is not a JSON object; "
                + "413 over 1 MiB.");
        if (post != null) {
            post.addParametersItem(new HeaderParameter().name(HubSignature.HEADER).required(true)
                    .schema(new StringSchema().example("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")));
            post.setRequestBody(new RequestBody().required(true).content(new Content().addMediaType(
                    org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                    new MediaType().schema(new ObjectSchema()).example(EXAMPLE))));
        }
    }

    private static void open(Operation operation, String description) {
        if (operation != null) {
            operation.setSecurity(List.of());
            operation.setDescription(description);
            operation.setTags(List.of("cloud-api"));
        }
    }
}
