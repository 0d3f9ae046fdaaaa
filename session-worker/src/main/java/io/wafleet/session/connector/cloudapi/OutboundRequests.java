package io.wafleet.session.connector.cloudapi;

import io.wafleet.common.connector.ConnectorException;
import io.wafleet.common.connector.OutboundMessage;
import io.wafleet.common.json.WafleetJson;
import tools.jackson.databind.node.ObjectNode;

import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The bodies of {@code POST /{phone_number_id}/messages}, as Meta documents them, for each kind of send
 * and action. A message the Cloud API has no form for (polls, forwards, group chats) fails with reason
 * {@code not_supported}. Replies and reactions name their message by its {@code wamid}, found through
 * {@code wamidOf}.
 */
final class OutboundRequests {

    private static final Set<String> CAPTIONED = Set.of("image", "video", "document");

    private OutboundRequests() {
    }

    /** The body of a send; {@code mediaId} is the uploaded media's Graph API id for a media message. */
    static ObjectNode message(OutboundMessage message, String mediaId, UnaryOperator<String> wamidOf) {
        ObjectNode body = envelope(message.to());
        switch (message) {
            case OutboundMessage.Text text -> {
                body.put("type", "text").putObject("text").put("preview_url", false).put("body", text.text());
                if (text.replyTo() != null) {
                    body.putObject("context").put("message_id", wamidOf.apply(text.replyTo()));
                }
            }
            case OutboundMessage.Link link -> body.put("type", "text").putObject("text")
                    .put("preview_url", true).put("body", link.text());
            case OutboundMessage.Media media -> {
                ObjectNode content = body.put("type", media.mediaType()).putObject(media.mediaType()).put("id", mediaId);
                if (media.caption() != null && !media.caption().isBlank() && CAPTIONED.contains(media.mediaType())) {
                    content.put("caption", media.caption());
                }
                if ("document".equals(media.mediaType()) && media.media().fileName() != null) {
                    content.put("filename", media.media().fileName());
                }
            }
            case OutboundMessage.Location location -> {
                ObjectNode place = body.put("type", "location").putObject("location")
                        .put("latitude", location.location().latitude())
                        .put("longitude", location.location().longitude());
                if (location.location().name() != null) {
                    place.put("name", location.location().name());
                }
                if (location.location().address() != null) {
                    place.put("address", location.location().address());
                }
            }
            case OutboundMessage.Contact contact -> {
                ObjectNode card = body.put("type", "contacts").putArray("contacts").addObject();
                card.putObject("name").put("formatted_name", contact.contact().displayName())
                        .put("first_name", contact.contact().displayName());
                String digits = digits(contact.contact().phone());
                card.putArray("phones").addObject().put("phone", "+" + digits).put("wa_id", digits).put("type", "CELL");
            }
            case OutboundMessage.Poll poll -> throw notSupported("polls");
            case OutboundMessage.Forward forward -> throw notSupported("forwarding a message");
        }
        return body;
    }

    /** A reaction to the message {@code wamid} of the chat; an empty emoji removes it. */
    static ObjectNode reaction(String chat, String wamid, String emoji) {
        ObjectNode body = envelope(chat);
        body.put("type", "reaction").putObject("reaction").put("message_id", wamid).put("emoji", emoji);
        return body;
    }

    /** Marks the received message {@code wamid} read. */
    static ObjectNode read(String wamid) {
        return WafleetJson.mapper().createObjectNode()
                .put("messaging_product", "whatsapp").put("status", "read").put("message_id", wamid);
    }

    /** The digits the Cloud API addresses a person by, from a phone number or a WhatsApp id. */
    static String recipient(String phoneOrJid) {
        if (phoneOrJid.endsWith("@g.us")) {
            throw notSupported("group chats");
        }
        return digits(phoneOrJid);
    }

    private static ObjectNode envelope(String to) {
        return WafleetJson.mapper().createObjectNode()
                .put("messaging_product", "whatsapp")
                .put("recipient_type", "individual")
                .put("to", recipient(to));
    }

    private static String digits(String phoneOrJid) {
        int at = phoneOrJid.indexOf('@');
        return (at < 0 ? phoneOrJid : phoneOrJid.substring(0, at)).replaceAll("\\D", "");
    }

    static ConnectorException notSupported(String what) {
        return new ConnectorException("not_supported", "the Cloud API transport does not support " + what);
    }
}
