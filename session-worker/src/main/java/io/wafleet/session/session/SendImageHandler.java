package io.wafleet.session.session;

import io.wafleet.common.command.SendImage;
import io.wafleet.common.connector.OutboundMessage;
import org.springframework.stereotype.Component;

@Component
class SendImageHandler implements CommandHandler<SendImage> {

    private final SendService sends;

    SendImageHandler(SendService sends) {
        this.sends = sends;
    }

    @Override
    public Class<SendImage> type() {
        return SendImage.class;
    }

    @Override
    public void handle(SendImage command) {
        OutboundMessage image = new OutboundMessage.Image(command.messageId(), command.phone(), command.caption(), command.image());
        sends.send(command.commandId(), command.accountId(), image, "image", command.expiresAt());
    }
}
