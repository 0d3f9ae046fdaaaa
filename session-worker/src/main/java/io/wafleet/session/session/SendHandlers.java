package io.wafleet.session.session;

import io.wafleet.common.command.Command;
import io.wafleet.common.command.ForwardMessage;
import io.wafleet.common.command.SendAudio;
import io.wafleet.common.command.SendContact;
import io.wafleet.common.command.SendFile;
import io.wafleet.common.command.SendImage;
import io.wafleet.common.command.SendLink;
import io.wafleet.common.command.SendLocation;
import io.wafleet.common.command.SendMessage;
import io.wafleet.common.command.SendPoll;
import io.wafleet.common.command.SendSticker;
import io.wafleet.common.command.SendVideo;
import io.wafleet.common.connector.OutboundMessage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Instant;
import java.util.function.Function;

/** One handler per kind of send, each turning its command into the connector's message and its type name. */
@Configuration(proxyBeanMethods = false)
class SendHandlers {

    @Bean
    CommandHandler<SendMessage> sendMessageHandler(SendService sends) {
        return new SendHandler<>(SendMessage.class, "text", SendMessage::expiresAt, sends,
                c -> new OutboundMessage.Text(c.messageId(), c.phone(), c.message(), c.replyMessageId()));
    }

    @Bean
    CommandHandler<SendImage> sendImageHandler(SendService sends) {
        return new SendHandler<>(SendImage.class, "image", SendImage::expiresAt, sends,
                c -> new OutboundMessage.Media(c.messageId(), c.phone(), "image", c.caption(), c.image()));
    }

    @Bean
    CommandHandler<SendFile> sendFileHandler(SendService sends) {
        return new SendHandler<>(SendFile.class, "document", SendFile::expiresAt, sends,
                c -> new OutboundMessage.Media(c.messageId(), c.phone(), "document", c.caption(), c.file()));
    }

    @Bean
    CommandHandler<SendVideo> sendVideoHandler(SendService sends) {
        return new SendHandler<>(SendVideo.class, "video", SendVideo::expiresAt, sends,
                c -> new OutboundMessage.Media(c.messageId(), c.phone(), "video", c.caption(), c.video()));
    }

    @Bean
    CommandHandler<SendAudio> sendAudioHandler(SendService sends) {
        return new SendHandler<>(SendAudio.class, "audio", SendAudio::expiresAt, sends,
                c -> new OutboundMessage.Media(c.messageId(), c.phone(), "audio", null, c.audio()));
    }

    @Bean
    CommandHandler<SendSticker> sendStickerHandler(SendService sends) {
        return new SendHandler<>(SendSticker.class, "sticker", SendSticker::expiresAt, sends,
                c -> new OutboundMessage.Media(c.messageId(), c.phone(), "sticker", null, c.sticker()));
    }

    @Bean
    CommandHandler<SendLocation> sendLocationHandler(SendService sends) {
        return new SendHandler<>(SendLocation.class, "location", SendLocation::expiresAt, sends,
                c -> new OutboundMessage.Location(c.messageId(), c.phone(), c.location()));
    }

    @Bean
    CommandHandler<SendContact> sendContactHandler(SendService sends) {
        return new SendHandler<>(SendContact.class, "contact", SendContact::expiresAt, sends,
                c -> new OutboundMessage.Contact(c.messageId(), c.phone(), c.contact()));
    }

    @Bean
    CommandHandler<SendLink> sendLinkHandler(SendService sends) {
        return new SendHandler<>(SendLink.class, "link", SendLink::expiresAt, sends,
                c -> new OutboundMessage.Link(c.messageId(), c.phone(), c.link(), c.caption()));
    }

    @Bean
    CommandHandler<SendPoll> sendPollHandler(SendService sends) {
        return new SendHandler<>(SendPoll.class, "poll", SendPoll::expiresAt, sends,
                c -> new OutboundMessage.Poll(c.messageId(), c.phone(), c.poll()));
    }

    /** A forward is a send of a new message ({@code forwarded_message_id}) with its original's content. */
    @Bean
    CommandHandler<ForwardMessage> forwardMessageHandler(SendService sends) {
        return new SendHandler<>(ForwardMessage.class, "forward", c -> null, sends,
                c -> new OutboundMessage.Forward(c.forwardedMessageId(), c.to(), c.messageId(), c.phone()));
    }

    /** A send: at most once per message id, through {@link SendService}. */
    private record SendHandler<C extends Command>(Class<C> type, String messageType, Function<C, Instant> expiresAt,
                                                   SendService sends, Function<C, OutboundMessage> message)
            implements CommandHandler<C> {

        @Override
        public void handle(C command) {
            sends.send(command.commandId(), command.accountId(), message.apply(command), messageType, expiresAt.apply(command));
        }
    }
}
