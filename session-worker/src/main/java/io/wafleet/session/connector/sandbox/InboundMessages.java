package io.wafleet.session.connector.sandbox;

import io.wafleet.common.command.MediaRef;
import io.wafleet.common.command.SandboxInbound;
import io.wafleet.common.event.MessageReceived;

import java.time.Instant;

/** How a message injected into the sandbox ({@code SandboxInbound}) reaches the account: a {@code message} event. */
final class InboundMessages {

    private InboundMessages() {
    }

    static MessageReceived received(SandboxInbound inbound, Instant at) {
        String from = SandboxIds.digits(inbound.from());
        String id = inbound.messageId() != null ? inbound.messageId() : inbound.commandId();
        MediaRef media = inbound.media();
        if (media == null) {
            return new MessageReceived(id, from + "@s.whatsapp.net", from, inbound.fromName(), at, false, inbound.message(),
                    null, null, null, null, null, inbound.location(), inbound.contact(), inbound.poll());
        }
        String mediaType = inbound.mediaType() != null ? inbound.mediaType() : mediaType(media.mimeType());
        return new MessageReceived(id, from + "@s.whatsapp.net", from, inbound.fromName(), at, false, inbound.message(),
                mediaType, media.mimeType(), inbound.message(), media.mediaId(), media.fileName(), null, null, null);
    }

    private static String mediaType(String mimeType) {
        if (mimeType == null) {
            return "document";
        }
        String kind = mimeType.substring(0, Math.max(0, mimeType.indexOf('/')));
        return switch (kind) {
            case "image", "video", "audio" -> kind;
            default -> "document";
        };
    }
}
