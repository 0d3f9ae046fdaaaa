package io.wafleet.session.connector.linked;

import io.wafleet.common.event.MessageAcked;
import io.wafleet.common.event.MessageReceived;
import it.auties.whatsapp.model.info.ChatMessageInfo;
import it.auties.whatsapp.model.info.ChatMessageInfoBuilder;
import it.auties.whatsapp.model.info.ContextInfoBuilder;
import it.auties.whatsapp.model.jid.Jid;
import it.auties.whatsapp.model.message.model.ChatMessageKeyBuilder;
import it.auties.whatsapp.model.message.model.MessageContainer;
import it.auties.whatsapp.model.message.model.MessageStatus;
import it.auties.whatsapp.model.message.standard.ImageMessageBuilder;
import it.auties.whatsapp.model.message.standard.LocationMessageBuilder;
import it.auties.whatsapp.model.message.standard.TextMessageBuilder;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LinkedDeviceEventsTest {

    private static final Instant NOW = Instant.parse("2025-01-02T03:04:05Z");
    private static final Jid CONTACT = Jid.of("6281111111111@s.whatsapp.net");

    @Test
    void aTextArrivesAsAMessageFromItsSender() {
        MessageReceived received = LinkedDeviceEvents.received(inbound("3EB0A1", CONTACT, MessageContainer.of("halo")), NOW).orElseThrow();

        assertThat(received.id()).isEqualTo("3EB0A1");
        assertThat(received.chatId()).isEqualTo("6281111111111@s.whatsapp.net");
        assertThat(received.from()).isEqualTo("6281111111111");
        assertThat(received.fromName()).isEqualTo("Budi");
        assertThat(received.timestamp()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(received.body()).isEqualTo("halo");
        assertThat(received.isFromMe()).isFalse();
        assertThat(received.mediaType()).isNull();
        assertThat(received.repliedId()).isNull();
    }

    @Test
    void anImageArrivesWithItsCaptionAndType() {
        var image = new ImageMessageBuilder().caption("look").mimetype("image/jpeg").build();

        MessageReceived received = LinkedDeviceEvents.received(inbound("3EB0A2", CONTACT, MessageContainer.of(image)), NOW).orElseThrow();

        assertThat(received.mediaType()).isEqualTo("image");
        assertThat(received.mimeType()).isEqualTo("image/jpeg");
        assertThat(received.caption()).isEqualTo("look");
        assertThat(received.body()).isEqualTo("look");
        assertThat(received.mediaId()).as("media is described, not downloaded").isNull();
    }

    @Test
    void aReplyNamesTheMessageItQuotesAndAForwardIsMarked() {
        var reply = new TextMessageBuilder().text("yes")
                .contextInfo(new ContextInfoBuilder().quotedMessageId("3EB0QUOTED").forwarded(true).build())
                .build();

        MessageReceived received = LinkedDeviceEvents.received(inbound("3EB0A3", CONTACT, MessageContainer.of(reply)), NOW).orElseThrow();

        assertThat(received.body()).isEqualTo("yes");
        assertThat(received.repliedId()).isEqualTo("3EB0QUOTED");
        assertThat(received.forwarded()).isTrue();
    }

    @Test
    void aGroupMessageIsInTheGroupsChatFromItsParticipant() {
        var key = new ChatMessageKeyBuilder().id("3EB0A4").chatJid(Jid.of("120363000000000001@g.us")).fromMe(false)
                .senderJid(CONTACT).build();
        ChatMessageInfo info = new ChatMessageInfoBuilder().key(key).senderJid(CONTACT)
                .message(MessageContainer.of("hi all")).build();

        MessageReceived received = LinkedDeviceEvents.received(info, NOW).orElseThrow();

        assertThat(received.chatId()).isEqualTo("120363000000000001@g.us");
        assertThat(received.from()).isEqualTo("6281111111111");
        assertThat(received.timestamp()).as("no timestamp: the time it was seen").isEqualTo(NOW);
    }

    @Test
    void aLocationArrivesWithItsCoordinates() {
        var location = new LocationMessageBuilder().latitude(-6.2).longitude(106.8).name("Monas").build();

        MessageReceived received = LinkedDeviceEvents.received(inbound("3EB0A5", CONTACT, MessageContainer.of(location)), NOW).orElseThrow();

        assertThat(received.location().latitude()).isEqualTo(-6.2);
        assertThat(received.location().name()).isEqualTo("Monas");
    }

    @Test
    void anEmptyMessageIsNoEvent() {
        assertThat(LinkedDeviceEvents.received(inbound("3EB0A6", CONTACT, MessageContainer.empty()), NOW)).isEmpty();
    }

    @Test
    void statusesOfSentMessagesBecomeReceipts() {
        assertThat(receiptOf(MessageStatus.SERVER_ACK)).isEqualTo(new MessageAcked(List.of("WAF1"), "sent",
                "6281111111111@s.whatsapp.net", "6281111111111@s.whatsapp.net"));
        assertThat(receiptOf(MessageStatus.DELIVERED).receiptType()).isEqualTo("delivered");
        assertThat(receiptOf(MessageStatus.READ).receiptType()).isEqualTo("read");
        assertThat(receiptOf(MessageStatus.PLAYED).receiptType()).isEqualTo("read");
        assertThat(LinkedDeviceEvents.receipt(sent(MessageStatus.PENDING))).isEmpty();
        assertThat(LinkedDeviceEvents.receipt(inbound("3EB0A7", CONTACT, MessageContainer.of("x")))).as("not ours").isEmpty();
    }

    @Test
    void phonesAndIdsAddressChats() {
        assertThat(LinkedDeviceEvents.jidOf("+6281111111111")).isEqualTo(CONTACT);
        assertThat(LinkedDeviceEvents.jidOf("6281111111111@s.whatsapp.net")).isEqualTo(CONTACT);
        assertThat(LinkedDeviceEvents.jidOf("120363000000000001@g.us").toString()).isEqualTo("120363000000000001@g.us");
    }

    private static MessageAcked receiptOf(MessageStatus status) {
        return LinkedDeviceEvents.receipt(sent(status)).orElseThrow();
    }

    private static ChatMessageInfo sent(MessageStatus status) {
        var key = new ChatMessageKeyBuilder().id("WAF1").chatJid(CONTACT).fromMe(true).build();
        return new ChatMessageInfoBuilder().key(key).status(status).message(MessageContainer.of("x")).build();
    }

    private static ChatMessageInfo inbound(String id, Jid from, MessageContainer message) {
        var key = new ChatMessageKeyBuilder().id(id).chatJid(from).fromMe(false).senderJid(from).build();
        return new ChatMessageInfoBuilder().key(key).senderJid(from).pushName("Budi").timestampSeconds(1_700_000_000L)
                .message(message).status(MessageStatus.DELIVERED).build();
    }
}
