package io.wafleet.session.connector.cloudapi;

import io.wafleet.common.command.ContactCard;
import io.wafleet.common.command.GeoLocation;
import io.wafleet.common.event.EventPayload;
import io.wafleet.common.event.MessageAcked;
import io.wafleet.common.event.MessageFailed;
import io.wafleet.common.event.MessageReaction;
import io.wafleet.common.event.MessageReceived;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Meta's webhook body ({@code object} {@code whatsapp_business_account}, {@code entry[].changes[].value})
 * read as what the account's session reports: {@code messages} become {@link MessageReceived} (reactions
 * {@link MessageReaction}), {@code statuses} {@link MessageAcked}, or {@link MessageFailed} for a {@code failed}
 * one (reason {@code meta_error_} and Meta's error code). Changes for another phone number than the account's
 * are skipped, as are message types without a wafleet form.
 * A received media message carries Meta's media id in {@code media_id} until the session has stored its
 * bytes and put the stored file's id there.
 */
final class InboundWebhooks {

    /** How ids are resolved: a received {@code wamid} to its new id, any other to the fleet's id of it. */
    interface Ids {
        String received(String wamid);

        String known(String wamid);
    }

    private static final Logger log = LoggerFactory.getLogger(InboundWebhooks.class);
    private static final Set<String> MEDIA = Set.of("image", "video", "audio", "document", "sticker");
    private static final Set<String> RECEIPTS = Set.of("sent", "delivered", "read");
    private static final String JID = "@s.whatsapp.net";

    private InboundWebhooks() {
    }

    static List<EventPayload> read(JsonNode body, String phoneNumberId, Ids ids) {
        List<EventPayload> reports = new ArrayList<>();
        for (JsonNode entry : body.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.path("value");
                String to = value.path("metadata").path("phone_number_id").asString("");
                if (!to.equals(phoneNumberId)) {
                    log.warn("A Cloud API webhook change for phone number id {} skipped: the account's is {}", to, phoneNumberId);
                    continue;
                }
                Map<String, String> names = new HashMap<>();
                value.path("contacts").forEach(c -> names.put(c.path("wa_id").asString(""), c.path("profile").path("name").asString(null)));
                value.path("messages").forEach(message -> received(message, names, ids, reports));
                value.path("statuses").forEach(status -> receipt(status, ids, reports));
            }
        }
        return reports;
    }

    private static void received(JsonNode message, Map<String, String> names, Ids ids, List<EventPayload> reports) {
        String wamid = message.path("id").asString("");
        String from = message.path("from").asString("");
        String type = message.path("type").asString("");
        if (wamid.isEmpty() || from.isEmpty()) {
            return;
        }
        String chat = from + JID;
        String name = names.get(from);
        Instant at = Instant.ofEpochSecond(message.path("timestamp").asLong(0));
        if ("reaction".equals(type)) {
            JsonNode reaction = message.path("reaction");
            reports.add(new MessageReaction(ids.received(wamid), chat, chat, name, at, false,
                    reaction.path("emoji").asString(""), ids.known(reaction.path("message_id").asString(""))));
            return;
        }
        JsonNode context = message.path("context");
        String repliedId = context.hasNonNull("id") ? ids.known(context.path("id").asString()) : null;
        boolean forwarded = context.path("forwarded").asBoolean(false) || context.path("frequently_forwarded").asBoolean(false);
        String body = null;
        String mediaType = null;
        String mimeType = null;
        String caption = null;
        String fileName = null;
        String mediaId = null;
        GeoLocation location = null;
        ContactCard contact = null;
        if ("text".equals(type)) {
            body = message.path("text").path("body").asString("");
        } else if (MEDIA.contains(type)) {
            JsonNode media = message.path(type);
            mediaType = type;
            mimeType = media.path("mime_type").asString(null);
            caption = media.path("caption").asString(null);
            fileName = media.path("filename").asString(null);
            mediaId = media.path("id").asString(null);
        } else if ("location".equals(type)) {
            JsonNode place = message.path("location");
            location = new GeoLocation(place.path("latitude").asDouble(), place.path("longitude").asDouble(),
                    place.path("name").asString(null), place.path("address").asString(null));
        } else if ("contacts".equals(type)) {
            JsonNode card = message.path("contacts").path(0);
            contact = new ContactCard(card.path("name").path("formatted_name").asString(""),
                    card.path("phones").path(0).path("wa_id").asString(card.path("phones").path(0).path("phone").asString("")));
        } else if ("button".equals(type)) {
            body = message.path("button").path("text").asString("");
        } else if ("interactive".equals(type)) {
            JsonNode reply = message.path("interactive");
            body = reply.path("button_reply").path("title").asString(reply.path("list_reply").path("title").asString(""));
        } else {
            log.info("A Cloud API message of type '{}' has no wafleet form; skipped", type);
            return;
        }
        reports.add(new MessageReceived(ids.received(wamid), chat, chat, name, at, false, body, mediaType, mimeType, caption,
                mediaId, fileName, location, contact, null, forwarded, repliedId));
    }

    private static void receipt(JsonNode status, Ids ids, List<EventPayload> reports) {
        String state = status.path("status").asString("");
        String wamid = status.path("id").asString("");
        String chat = status.path("recipient_id").asString("") + JID;
        if (RECEIPTS.contains(state) && !wamid.isEmpty()) {
            reports.add(new MessageAcked(List.of(ids.known(wamid)), state, chat, chat));
        } else if ("failed".equals(state) && !wamid.isEmpty()) {
            JsonNode error = status.path("errors").path(0);
            String messageId = ids.known(wamid);
            log.info("Meta reports message {} failed: {} ({})", messageId, error.path("title").asString("no reason"),
                    error.path("code").asInt(0));
            reports.add(new MessageFailed(messageId, status.path("recipient_id").asString(""),
                    "meta_error_" + error.path("code").asInt(0)));
        }
    }
}
