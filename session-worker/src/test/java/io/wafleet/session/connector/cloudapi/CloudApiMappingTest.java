package io.wafleet.session.connector.cloudapi;

import io.wafleet.common.command.ContactCard;
import io.wafleet.common.command.GeoLocation;
import io.wafleet.common.command.MediaRef;
import io.wafleet.common.command.PollSpec;
import io.wafleet.common.connector.CloudApiSettings;
import io.wafleet.common.connector.ConnectorException;
import io.wafleet.common.connector.Credentials;
import io.wafleet.common.connector.OutboundMessage;
import io.wafleet.common.event.EventPayload;
import io.wafleet.common.event.MessageAcked;
import io.wafleet.common.event.MessageFailed;
import io.wafleet.common.event.MessageReaction;
import io.wafleet.common.event.MessageReceived;
import io.wafleet.common.json.WafleetJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Cloud API's request bodies, Meta's webhook payloads as events, its errors and the stored login. */
class CloudApiMappingTest {

    private static final Map<String, String> SENT = Map.of("wamid.OUT1", "3EB0SENT1");

    private static final InboundWebhooks.Ids IDS = new InboundWebhooks.Ids() {
        @Override
        public String received(String wamid) {
            return CloudMessageIds.derived(wamid);
        }

        @Override
        public String known(String wamid) {
            return SENT.getOrDefault(wamid, CloudMessageIds.derived(wamid));
        }
    };

    @Test
    void textReplyNamesTheQuotedMessageByItsWamid() {
        JsonNode body = OutboundRequests.message(new OutboundMessage.Text("3EB0A", "+62 812-3456-7890", "Halo", "3EB0SENT1"),
                null, id -> id.equals("3EB0SENT1") ? "wamid.OUT1" : id);

        assertThat(body.toString()).isEqualTo("{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\","
                + "\"to\":\"6281234567890\",\"type\":\"text\",\"text\":{\"preview_url\":false,\"body\":\"Halo\"},"
                + "\"context\":{\"message_id\":\"wamid.OUT1\"}}");
    }

    @Test
    void mediaLocationAndContactFollowMetasShapes() {
        MediaRef invoice = new MediaRef("65f0", "application/pdf", 10, "invoice.pdf");
        JsonNode document = OutboundRequests.message(
                new OutboundMessage.Media("3EB0B", "6281234567890@s.whatsapp.net", "document", "March", invoice), "MEDIA-9", id -> id);
        JsonNode place = OutboundRequests.message(new OutboundMessage.Location("3EB0C", "6281234567890",
                new GeoLocation(-6.2, 106.8, "Monas", "Jakarta")), null, id -> id);
        JsonNode card = OutboundRequests.message(new OutboundMessage.Contact("3EB0D", "6281234567890",
                new ContactCard("Budi", "6289876543210")), null, id -> id);

        assertThat(document.path("type").asString()).isEqualTo("document");
        assertThat(document.path("document").toString()).isEqualTo("{\"id\":\"MEDIA-9\",\"caption\":\"March\",\"filename\":\"invoice.pdf\"}");
        assertThat(document.path("to").asString()).isEqualTo("6281234567890");
        assertThat(place.path("location").toString())
                .isEqualTo("{\"latitude\":-6.2,\"longitude\":106.8,\"name\":\"Monas\",\"address\":\"Jakarta\"}");
        assertThat(card.path("contacts").path(0).path("phones").path(0).path("wa_id").asString()).isEqualTo("6289876543210");
        assertThat(card.path("contacts").path(0).path("name").path("formatted_name").asString()).isEqualTo("Budi");
    }

    @Test
    void pollsForwardsAndGroupsAreNotSupported() {
        assertThatThrownBy(() -> OutboundRequests.message(new OutboundMessage.Poll("3EB0E", "6281234567890",
                new PollSpec("?", List.of("a", "b"), 1)), null, id -> id))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.reason()).isEqualTo("not_supported"));
        assertThatThrownBy(() -> OutboundRequests.message(new OutboundMessage.Text("3EB0F", "120363021234567890@g.us", "hi"),
                null, id -> id))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.getMessage()).contains("group chats"));
    }

    /** Meta's documented example of a received text message, with a reply context, and of an image. */
    @Test
    void receivedMessagesBecomeMessageEvents() {
        String payload = """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
                  "messaging_product":"whatsapp",
                  "metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
                  "contacts":[{"profile":{"name":"Sheena Nelson"},"wa_id":"16505551234"}],
                  "messages":[
                    {"context":{"from":"15550783881","id":"wamid.OUT1"},"from":"16505551234",
                     "id":"wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=","timestamp":"1749416383",
                     "type":"text","text":{"body":"Does it come in another color?"}},
                    {"from":"16505551234","id":"wamid.IMG","timestamp":"1749416400","type":"image",
                     "image":{"caption":"this one","mime_type":"image/jpeg","sha256":"abc","id":"1003383421387256"}},
                    {"from":"16505551234","id":"wamid.REACT","timestamp":"1749416500","type":"reaction",
                     "reaction":{"message_id":"wamid.OUT1","emoji":"\\uD83D\\uDE00"}}
                  ]},"field":"messages"}]}]}
                """;

        List<EventPayload> reports = InboundWebhooks.read(WafleetJson.mapper().readTree(payload), "106540352242922", IDS);

        assertThat(reports).hasSize(3);
        MessageReceived text = (MessageReceived) reports.get(0);
        assertThat(text.id()).isEqualTo(CloudMessageIds.derived("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA="))
                .matches("CLD[0-9A-F]{29}");
        assertThat(text.chatId()).isEqualTo("16505551234@s.whatsapp.net");
        assertThat(text.fromName()).isEqualTo("Sheena Nelson");
        assertThat(text.body()).isEqualTo("Does it come in another color?");
        assertThat(text.timestamp()).isEqualTo(Instant.ofEpochSecond(1749416383));
        assertThat(text.repliedId()).isEqualTo("3EB0SENT1");
        MessageReceived image = (MessageReceived) reports.get(1);
        assertThat(image.mediaType()).isEqualTo("image");
        assertThat(image.mimeType()).isEqualTo("image/jpeg");
        assertThat(image.caption()).isEqualTo("this one");
        assertThat(image.mediaId()).as("Meta's media id, until the session stores the file").isEqualTo("1003383421387256");
        MessageReaction reaction = (MessageReaction) reports.get(2);
        assertThat(reaction.reactedMessageId()).isEqualTo("3EB0SENT1");
        assertThat(reaction.reaction()).isEqualTo("\uD83D\uDE00");
    }

    /** Meta's documented status notifications: sent, delivered, read name the fleet's id; failed is a failure. */
    @Test
    void statusesBecomeReceiptsOfTheFleetsMessage() {
        String payload = """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
                  "messaging_product":"whatsapp",
                  "metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
                  "statuses":[
                    {"id":"wamid.OUT1","status":"delivered","timestamp":"1750263773","recipient_id":"16505551234",
                     "pricing":{"billable":true,"pricing_model":"PMP","type":"regular","category":"marketing"}},
                    {"id":"wamid.OUT1","status":"read","timestamp":"1750263780","recipient_id":"16505551234"},
                    {"id":"wamid.OUT2","status":"failed","timestamp":"1750263790","recipient_id":"16505551234",
                     "errors":[{"code":131026,"title":"Message undeliverable"}]}
                  ]},"field":"messages"}]}]}
                """;

        List<EventPayload> reports = InboundWebhooks.read(WafleetJson.mapper().readTree(payload), "106540352242922", IDS);

        assertThat(reports).containsExactly(
                new MessageAcked(List.of("3EB0SENT1"), "delivered", "16505551234@s.whatsapp.net", "16505551234@s.whatsapp.net"),
                new MessageAcked(List.of("3EB0SENT1"), "read", "16505551234@s.whatsapp.net", "16505551234@s.whatsapp.net"),
                new MessageFailed(CloudMessageIds.derived("wamid.OUT2"), "16505551234", "meta_error_131026"));
    }

    @Test
    void aChangeForAnotherNumberIsSkipped() {
        String payload = """
                {"object":"whatsapp_business_account","entry":[{"changes":[{"value":{
                  "metadata":{"phone_number_id":"999"},
                  "messages":[{"from":"16505551234","id":"wamid.X","timestamp":"1","type":"text","text":{"body":"hi"}}]}}]}]}
                """;

        assertThat(InboundWebhooks.read(WafleetJson.mapper().readTree(payload), "106540352242922", IDS)).isEmpty();
    }

    @Test
    void metasErrorsGetStableReasons() {
        JsonNode expired = WafleetJson.mapper().readTree("""
                {"error":{"message":"Error validating access token: Session has expired","type":"OAuthException","code":190,
                 "error_subcode":463,"fbtrace_id":"Az8or2yhqkZfEZ-_4Qn_Bam"}}""");
        JsonNode throttled = WafleetJson.mapper().readTree("""
                {"error":{"message":"(#130429) Rate limit hit","type":"OAuthException","code":130429,"fbtrace_id":"x"}}""");
        JsonNode refused = WafleetJson.mapper().readTree("""
                {"error":{"message":"(#131030) Recipient phone number not in allowed list","type":"OAuthException","code":131030}}""");

        assertThat(GraphErrors.of(401, expired).reason()).isEqualTo("invalid_token");
        assertThat(GraphErrors.of(400, throttled).reason()).isEqualTo("rate_limited");
        ConnectorException other = GraphErrors.of(400, refused);
        assertThat(other.reason()).isEqualTo("graph_api_error");
        assertThat(other.getMessage()).contains("131030").contains("not in allowed list");
    }

    @Test
    void theStoredLoginRoundTripsAndIsRefusedFromAnotherConnector() {
        CloudApiSettings settings = new CloudApiSettings("106540352242922", "EAAG-token", "app-secret", "verify-me");

        Credentials stored = CloudCredentials.of(settings);

        assertThat(CloudCredentials.read(stored)).isEqualTo(settings);
        assertThat(stored.toString()).doesNotContain("EAAG-token");
        assertThat(settings.toString()).doesNotContain("EAAG-token").doesNotContain("app-secret");
        assertThatThrownBy(() -> CloudCredentials.read(new Credentials("sandbox", stored.data())))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.reason()).isEqualTo("credentials_unreadable"));
        assertThatThrownBy(() -> CloudCredentials.read(new Credentials("cloud_api", "not json".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(ConnectorException.class);
    }
}
