package io.wafleet.session.session;

import io.wafleet.common.command.SendMessage;
import io.wafleet.common.connector.OutboundMessage;
import org.springframework.stereotype.Component;

@Component
class SendMessageHandler implements CommandHandler<SendMessage> {

    private final SendService sends;

    SendMessageHandler(SendService sends) {
        this.sends = sends;
    }

    @Override
    public Class<SendMessage> type() {
        return SendMessage.class;
    }

    @Override
    public void handle(SendMessage command) {
        OutboundMessage text = new OutboundMessage.Text(command.messageId(), command.phone(), command.message());
        sends.send(command.commandId(), command.accountId(), text, "text", command.expiresAt());
    }
}
