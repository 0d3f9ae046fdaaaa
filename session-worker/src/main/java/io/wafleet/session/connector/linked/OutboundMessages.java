package io.wafleet.session.connector.linked;

import io.wafleet.common.connector.ConnectorException;
import io.wafleet.common.connector.OutboundMessage;
import it.auties.whatsapp.model.info.ChatMessageInfo;
import it.auties.whatsapp.model.info.ChatMessageInfoBuilder;
import it.auties.whatsapp.model.info.ContextInfoBuilder;
import it.auties.whatsapp.model.jid.Jid;
import it.auties.whatsapp.model.message.model.ChatMessageKeyBuilder;
import it.auties.whatsapp.model.message.model.MessageContainer;
import it.auties.whatsapp.model.message.model.MessageStatus;
import it.auties.whatsapp.model.message.standard.LocationMessageBuilder;
import it.auties.whatsapp.model.message.standard.TextMessageBuilder;

import java.time.Instant;

/**
 * wafleet's sends as cobalt's chat messages, under the message id the fleet minted (so receipts name
 * it). Text, links (as their text) and locations are built; media, contacts, polls and forwards fail
 * {@code not_supported}: the connector does not read the fleet's media store, and cobalt 0.0.10 needs
 * the original message, not its id, to forward.
 */
final class OutboundMessages {

    private OutboundMessages() {
    }

    static ChatMessageInfo toCobalt(OutboundMessage message, Jid self, Instant now) {
        MessageContainer content = switch (message) {
            case OutboundMessage.Text text -> MessageContainer.of(new TextMessageBuilder()
                    .text(text.text())
                    .contextInfo(text.replyTo() == null ? null : new ContextInfoBuilder().quotedMessageId(text.replyTo()).build())
                    .build());
            case OutboundMessage.Link link -> MessageContainer.of(link.text());
            case OutboundMessage.Location location -> MessageContainer.of(new LocationMessageBuilder()
                    .latitude(location.location().latitude())
                    .longitude(location.location().longitude())
                    .name(location.location().name())
                    .address(location.location().address())
                    .build());
            case OutboundMessage.Media media -> throw notSupported("media (" + media.mediaType() + ")");
            case OutboundMessage.Contact contact -> throw notSupported("contact cards");
            case OutboundMessage.Poll poll -> throw notSupported("polls");
            case OutboundMessage.Forward forward -> throw notSupported("forwards");
        };
        Jid chat = LinkedDeviceEvents.jidOf(message.to());
        var key = new ChatMessageKeyBuilder()
                .id(message.messageId())
                .chatJid(chat)
                .fromMe(true)
                .senderJid(self)
                .build();
        return new ChatMessageInfoBuilder()
                .key(key)
                .senderJid(self)
                .status(MessageStatus.PENDING)
                .message(content)
                .timestampSeconds(now.getEpochSecond())
                .build();
    }

    private static ConnectorException notSupported(String what) {
        return new ConnectorException("not_supported", "the linked-device connector does not send " + what + " yet");
    }
}
