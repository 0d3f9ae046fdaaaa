package io.wafleet.gateway.send;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Describes the multipart form of each media send ({@code /send/image}, {@code /send/file}, ...) next to
 * its JSON body: the form is read from the exchange, so springdoc cannot see it in the signature.
 */
@Component
class MediaFormsApiDocs implements OpenApiCustomizer {

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI api) {
        for (MediaKind kind : MediaKind.values()) {
            PathItem path = api.getPaths() == null ? null : api.getPaths().get("/send/" + kind.field());
            Operation send = path == null ? null : path.getPost();
            if (send == null) {
                continue;
            }
            if (send.getRequestBody() == null) {
                send.setRequestBody(new RequestBody().required(true).content(new Content()));
            }
            send.getRequestBody().getContent()
                    .addMediaType(org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE, new MediaType().schema(form(kind)));
            send.setDescription("The " + kind.field() + " (" + kind.accepted() + ") as a multipart upload, or by URL: "
                    + "`" + kind.urlField() + "` in JSON or in the form. Its type is told from its bytes; beyond "
                    + "`wafleet.media.max-size." + kind.field() + "` the answer is 413.");
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema form(MediaKind kind) {
        Schema form = new ObjectSchema()
                .addProperty("account_id", new StringSchema().example("whatsapp_bisnis"))
                .addProperty("phone", new StringSchema().example("6281234567890"))
                .addProperty(kind.field(), new StringSchema().format("binary"))
                .addProperty(kind.urlField(), new StringSchema().format("uri"))
                .addProperty("expires_at", new StringSchema().format("date-time"));
        if (kind.hasCaption()) {
            form.addProperty("caption", new StringSchema().example("Image from account1"));
        }
        form.setRequired(List.of("account_id", "phone"));
        return form;
    }
}
