package io.wafleet.common.json;

import io.wafleet.common.AccountId;
import io.wafleet.common.command.CheckUser;
import io.wafleet.common.command.CreateGroup;
import io.wafleet.common.command.GetGroupInfo;
import io.wafleet.common.command.LeaveGroup;
import io.wafleet.common.command.ParticipantAction;
import io.wafleet.common.command.SandboxGroupUpdate;
import io.wafleet.common.command.UpdateGroupParticipants;
import io.wafleet.common.connector.GroupInfo;
import io.wafleet.common.connector.ParticipantResult;
import io.wafleet.common.event.GroupParticipantsChanged;
import io.wafleet.common.command.Command;
import io.wafleet.common.command.DeleteAccount;
import io.wafleet.common.command.Login;
import io.wafleet.common.command.LoginWithCode;
import io.wafleet.common.command.LoginWithToken;
import io.wafleet.common.command.CloudApiInbound;
import io.wafleet.common.command.Logout;
import io.wafleet.common.command.MediaRef;
import io.wafleet.common.command.Reconnect;
import io.wafleet.common.command.ReplyTo;
import io.wafleet.common.command.SandboxDuplicateConnection;
import io.wafleet.common.command.SandboxFault;
import io.wafleet.common.command.SandboxInbound;
import io.wafleet.common.command.SandboxScan;
import io.wafleet.common.command.ContactCard;
import io.wafleet.common.command.GeoLocation;
import io.wafleet.common.command.GetUserInfo;
import io.wafleet.common.command.SendAudio;
import io.wafleet.common.command.SendContact;
import io.wafleet.common.command.SendFile;
import io.wafleet.common.command.SendImage;
import io.wafleet.common.command.SendLink;
import io.wafleet.common.command.SendLocation;
import io.wafleet.common.command.SendPoll;
import io.wafleet.common.command.PollSpec;
import io.wafleet.common.command.SendMessage;
import io.wafleet.common.command.SendSticker;
import io.wafleet.common.command.SendVideo;
import io.wafleet.common.command.DeleteMessage;
import io.wafleet.common.command.EditMessage;
import io.wafleet.common.command.ForwardMessage;
import io.wafleet.common.command.MarkMessageRead;
import io.wafleet.common.command.ReactToMessage;
import io.wafleet.common.command.RevokeMessage;
import io.wafleet.common.command.SandboxMessageUpdate;
import io.wafleet.common.command.StarMessage;
import io.wafleet.common.command.UnstarMessage;
import io.wafleet.common.command.ChatState;
import io.wafleet.common.command.Presence;
import io.wafleet.common.command.SandboxChatPresence;
import io.wafleet.common.command.SendChatPresence;
import io.wafleet.common.command.SendPresence;
import io.wafleet.common.connector.SessionStatus;
import io.wafleet.common.event.AccountConfigChanged;
import io.wafleet.common.event.ChatPresenceChanged;
import io.wafleet.common.event.CommandRejected;
import io.wafleet.common.event.Event;
import io.wafleet.common.event.EventPayload;
import io.wafleet.common.event.MessageAcked;
import io.wafleet.common.event.MessageActionFinished;
import io.wafleet.common.event.MessageEdited;
import io.wafleet.common.event.MessageReaction;
import io.wafleet.common.event.MessageRevoked;
import io.wafleet.common.event.MessageFailed;
import io.wafleet.common.event.MessageReceived;
import io.wafleet.common.event.MessageSent;
import io.wafleet.common.event.PairCodeIssued;
import io.wafleet.common.event.QrIssued;
import io.wafleet.common.event.Reply;
import io.wafleet.common.event.SessionStatusChanged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class ContractSerdeTest {

    private static final AccountId ACCOUNT = AccountId.of("whatsapp_bisnis");
    private static final Instant AT = Instant.parse("2026-11-26T05:00:00Z");
    private static final ReplyTo REPLY = new ReplyTo("gw-1", "corr-1");
    private static final MediaRef IMAGE = new MediaRef("665f1c", "image/png", 1234, "cat.png");
    private static final MediaRef FILE = new MediaRef("665f1d", "application/pdf", 20480, "invoice.pdf");
    private static final MediaRef VIDEO = new MediaRef("665f1e", "video/mp4", 1048576, "clip.mp4");
    private static final MediaRef AUDIO = new MediaRef("665f1f", "audio/ogg", 4096, "note.ogg");
    private static final MediaRef STICKER = new MediaRef("665f20", "image/webp", 2048, "sticker.webp");
    private static final GeoLocation PLACE = new GeoLocation(-6.175392, 106.827153, "Monas", "Jakarta Pusat");
    private static final ContactCard CARD = new ContactCard("Budi Santoso", "6289876543210");
    private static final String GROUP = "120363021234567890@g.us";
    private static final PollSpec POLL = new PollSpec("Lunch?", List.of("Nasi goreng", "Sate"), 1);

    /** One example of every command, with every optional field used somewhere. */
    public static Stream<Command> commands() {
        int v = Command.SCHEMA_VERSION;
        return Stream.of(
                new Login("c1", ACCOUNT, v, REPLY),
                new LoginWithCode("c2", ACCOUNT, v, "6281234567890", REPLY),
                new Logout("c3", ACCOUNT, v, null),
                new Reconnect("c4", ACCOUNT, v, REPLY),
                new DeleteAccount("c5", ACCOUNT, v),
                new SendMessage("c6", ACCOUNT, v, "3EB0AAAA", "6281234567890", "Hello", AT, "3EB0ZZZZ"),
                new SendImage("c7", ACCOUNT, v, "3EB0BBBB", "6281234567890", "caption", IMAGE, null),
                new SendLocation("c13", ACCOUNT, v, "3EB0EEEE", "6281234567890", PLACE, AT),
                new SendContact("c14", ACCOUNT, v, "3EB0FFFF", "6281234567890", CARD, null),
                new SendLink("c16", ACCOUNT, v, "3EB0HHHH", "6281234567890", "https://example.com/a?b=c", "see", null),
                new SandboxInbound("c15", ACCOUNT, v, "3EB0GGGG", "6289876543210", "Budi", null, null, null, PLACE, CARD, POLL, null),
                new SandboxInbound("c22", ACCOUNT, v, "3EB0NNNN", "6289876543210", "Budi", null, STICKER, "sticker", null, null, null, null),
                new SendPoll("c17", ACCOUNT, v, "3EB0IIII", "6281234567890", POLL, null),
                new SendFile("c18", ACCOUNT, v, "3EB0JJJJ", "6281234567890", "the invoice", FILE, AT),
                new SendVideo("c19", ACCOUNT, v, "3EB0KKKK", "6281234567890", null, VIDEO, null),
                new SendAudio("c20", ACCOUNT, v, "3EB0LLLL", "6281234567890", AUDIO, null),
                new SendSticker("c21", ACCOUNT, v, "3EB0MMMM", "6281234567890", STICKER, AT),
                new SandboxScan("c8", ACCOUNT, v, REPLY),
                new LoginWithToken("c40", ACCOUNT, v, REPLY),
                new CloudApiInbound("cloud-0a1b", ACCOUNT, v, "{\"object\":\"whatsapp_business_account\",\"entry\":[]}"),
                new CheckUser("c30", ACCOUNT, v, "6289876543210", REPLY),
                new GetUserInfo("c31", ACCOUNT, v, "6289876543210@s.whatsapp.net", null),
                new SandboxInbound("c9", ACCOUNT, v, "3EB0CCCC", "6289876543210", "Budi", "Hai", IMAGE),
                new SandboxDuplicateConnection("c10", ACCOUNT, v, REPLY),
                new SandboxFault("c11", ACCOUNT, v, SandboxFault.Kind.DISCONNECT, REPLY),
                new SandboxFault("c12", ACCOUNT, v, SandboxFault.Kind.LOGGED_OUT, null),
                new ReactToMessage("c18", ACCOUNT, v, "3EB0AAAA", "6281234567890", "\uD83D\uDC4D"),
                new RevokeMessage("c19", ACCOUNT, v, "3EB0AAAA", "6281234567890@s.whatsapp.net"),
                new DeleteMessage("c20", ACCOUNT, v, "3EB0AAAA", "6281234567890"),
                new EditMessage("c21", ACCOUNT, v, "3EB0AAAA", "6281234567890", "Hello again"),
                new MarkMessageRead("c22", ACCOUNT, v, "3EB0AAAA", "6281234567890"),
                new StarMessage("c23", ACCOUNT, v, "3EB0AAAA", "6281234567890"),
                new UnstarMessage("c24", ACCOUNT, v, "3EB0AAAA", "6281234567890"),
                new ForwardMessage("c25", ACCOUNT, v, "3EB0AAAA", "6281234567890", "120363021234567890@g.us", "3EB0JJJJ"),
                new SandboxInbound("c26", ACCOUNT, v, "3EB0JJJJ", "6281234567890", "Budi", "fwd", null, null, null, null, null, true),
                new SandboxMessageUpdate("3EB0KKKK", ACCOUNT, v, SandboxMessageUpdate.Kind.REACTION, "3EB0AAAA",
                        "6281234567890", "Budi", "", null),
                new SandboxMessageUpdate("3EB0LLLL", ACCOUNT, v, SandboxMessageUpdate.Kind.EDITED, "3EB0AAAA",
                        "6281234567890", null, null, "new text"),
                new SendPresence("c27", ACCOUNT, v, Presence.AVAILABLE),
                new SendPresence("c28", ACCOUNT, v, Presence.UNAVAILABLE),
                new SendChatPresence("c29", ACCOUNT, v, "6281234567890", ChatState.COMPOSING),
                new SendChatPresence("c30", ACCOUNT, v, "120363021234567890@g.us", ChatState.PAUSED),
                new SandboxChatPresence("c31", ACCOUNT, v, "6281234567890", "Budi", ChatState.COMPOSING),
                new SandboxChatPresence("c32", ACCOUNT, v, "6281234567890@s.whatsapp.net", null, ChatState.PAUSED),
                new CreateGroup("c33", ACCOUNT, v, "Tim Jualan", List.of("6289876543210", "6281111111111@s.whatsapp.net"), REPLY),
                new GetGroupInfo("c34", ACCOUNT, v, GROUP, REPLY),
                new UpdateGroupParticipants("c35", ACCOUNT, v, GROUP, ParticipantAction.ADD, List.of("6289876543210"), REPLY),
                new UpdateGroupParticipants("c36", ACCOUNT, v, GROUP, ParticipantAction.DEMOTE,
                        List.of("6289876543210@s.whatsapp.net"), null),
                new LeaveGroup("c37", ACCOUNT, v, GROUP, REPLY),
                new SandboxGroupUpdate("c38", ACCOUNT, v, GROUP, ParticipantAction.REMOVE, List.of("6289876543210@s.whatsapp.net"),
                        "6281234567890"),
                new SandboxGroupUpdate("c39", ACCOUNT, v, GROUP, ParticipantAction.PROMOTE, List.of("6289876543210"), null),
                new SandboxInbound("c40", ACCOUNT, v, "3EB0OOOO", "6281234567890", "Budi", "Halo semua", null, null, null, null,
                        null, null, GROUP));
    }

    static Stream<EventPayload> payloads() {
        return Stream.of(
                MessageReceived.text("3EB0CCCC", "6289876543210@s.whatsapp.net", "Budi", AT, "Hai"),
                new MessageReceived("3EB0DDDD", "6289876543210@s.whatsapp.net", "6289876543210", "Budi", AT, false, null,
                        null, null, null, null, null, PLACE, CARD, POLL, false),
                new MessageReceived("3EB0EEEE", "6289876543210@s.whatsapp.net", "6289876543210", "Budi", AT, false, "the invoice",
                        "document", "application/pdf", "the invoice", "65f0c0ffee", "invoice.pdf", null, null, null, true),
                new MessageAcked(List.of("3EB0AAAA"), "delivered", "6281234567890@s.whatsapp.net", "6281234567890"),
                new MessageSent("3EB0AAAA", "6281234567890@s.whatsapp.net", "text"),
                new MessageFailed("3EB0AAAA", "6281234567890@s.whatsapp.net", "expired"),
                new SessionStatusChanged(SessionStatus.LOGGED_IN, null, "6281234567890", "dev-1", "worker-1"),
                new QrIssued("2@abc,def", 60),
                new PairCodeIssued("ABCD-EFGH", "6281234567890"),
                new CommandRejected("c1", "unparseable"),
                new MessageReaction("3EB0KKKK", "6289876543210@s.whatsapp.net", "6289876543210", "Budi", AT, false,
                        "\uD83D\uDC4D", "3EB0AAAA"),
                new MessageRevoked("3EB0LLLL", "6289876543210@s.whatsapp.net", "6289876543210", "Budi", AT, false,
                        "3EB0AAAA", false, "6289876543210@s.whatsapp.net"),
                new MessageEdited("3EB0MMMM", "6289876543210@s.whatsapp.net", "6289876543210", null, AT, false,
                        "3EB0AAAA", "new text"),
                new MessageActionFinished("revoke", "3EB0AAAA", "6289876543210", MessageActionFinished.FAILED,
                        "not_own_message"),
                new ChatPresenceChanged("6289876543210@s.whatsapp.net", "6289876543210", "Budi", ChatState.COMPOSING, AT),
                new GroupParticipantsChanged(GROUP, ParticipantAction.ADD, List.of("6289876543210@s.whatsapp.net"),
                        "6281234567890@s.whatsapp.net", AT),
                new GroupParticipantsChanged(GROUP, ParticipantAction.PROMOTE, List.of("6289876543210@s.whatsapp.net"), null, AT));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void commandsRoundTripThroughKafkaSerde(Command command) {
        byte[] bytes = WafleetJson.<Command>serializer().serialize("t", command);
        Command back = WafleetJson.commandDeserializer().deserialize("t", bytes);
        assertThat(back).isEqualTo(command);
        JsonNode json = WafleetJson.mapper().readTree(bytes);
        assertThat(json.get("type").asString()).contains(".");
        assertThat(json.get("command_id").asString()).isEqualTo(command.commandId());
        assertThat(json.get("account_id").asString()).isEqualTo("whatsapp_bisnis");
        assertThat(json.get("schema_version").asInt()).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void eventsRoundTripAndNameTheirType(EventPayload payload) {
        Event event = Event.of("c1", ACCOUNT, AT, payload);
        byte[] bytes = WafleetJson.<Event>serializer().serialize("t", event);
        Event back = WafleetJson.eventDeserializer().deserialize("t", bytes);
        assertThat(back).isEqualTo(event);
        JsonNode json = WafleetJson.mapper().readTree(bytes);
        assertThat(json.get("event").asString()).isEqualTo(event.event());
        assertThat(json.get("id").asString()).isEqualTo(event.id());
        assertThat(json.get("timestamp").asString()).isEqualTo("2026-11-26T05:00:00Z");
        assertThat(json.has("payload")).isTrue();
    }

    @Test
    void aPlainClientCanProduceACommand() {
        String fromKcat = """
                {"type":"send.message","command_id":"k1","account_id":"acc-1","schema_version":1,
                 "message_id":"3EB0DDDD","phone":"6281234567890","message":"from kcat","extra_field":true}""";
        Command command = WafleetJson.commandDeserializer().deserialize("t", fromKcat.getBytes(StandardCharsets.UTF_8));
        assertThat(command).isEqualTo(new SendMessage("k1", AccountId.of("acc-1"), 1, "3EB0DDDD", "6281234567890", "from kcat", null));
    }

    @Test
    void sandboxCommandsUseTheirWireNames() {
        String json = new String(WafleetJson.<Command>serializer().serialize("t",
                new SandboxFault("f1", ACCOUNT, 1, SandboxFault.Kind.LOGGED_OUT, null)), StandardCharsets.UTF_8);
        assertThat(json).contains("\"type\":\"sandbox.fault\"").contains("\"kind\":\"logged_out\"");
        String duplicate = """
                {"type":"sandbox.duplicate_connection","command_id":"d1","account_id":"acc-1","schema_version":1}""";
        assertThat(WafleetJson.commandDeserializer().deserialize("t", duplicate.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new SandboxDuplicateConnection("d1", AccountId.of("acc-1"), 1, null));
    }

    @Test
    void messageActionsAndChangesUseTheirWireNames() {
        String react = """
                {"type":"message.react","command_id":"r1","account_id":"acc-1","schema_version":1,
                 "message_id":"3EB0AAAA","phone":"6281234567890","emoji":""}""";
        assertThat(WafleetJson.commandDeserializer().deserialize("t", react.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new ReactToMessage("r1", AccountId.of("acc-1"), 1, "3EB0AAAA", "6281234567890", ""));
        String update = new String(WafleetJson.<Command>serializer().serialize("t", new SandboxMessageUpdate("u1", ACCOUNT, 1,
                SandboxMessageUpdate.Kind.REVOKED, "3EB0AAAA", "6281234567890", null, null, null)), StandardCharsets.UTF_8);
        assertThat(update).contains("\"type\":\"sandbox.message_update\"").contains("\"kind\":\"revoked\"");
        Event reaction = Event.of("3EB0KKKK", ACCOUNT, AT, new MessageReaction("3EB0KKKK", "c@s.whatsapp.net", "c", null, AT,
                false, "x", "3EB0AAAA"));
        assertThat(new String(WafleetJson.<Event>serializer().serialize("t", reaction), StandardCharsets.UTF_8))
                .contains("\"event\":\"message.reaction\"").contains("\"reacted_message_id\":\"3EB0AAAA\"");
    }

    @Test
    void presencesUseTheirWireNamesAndUnknownOnesAreNotRead() {
        String presence = """
                {"type":"send.presence","command_id":"p1","account_id":"acc-1","schema_version":1,"presence":"unavailable"}""";
        assertThat(WafleetJson.commandDeserializer().deserialize("t", presence.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new SendPresence("p1", AccountId.of("acc-1"), 1, Presence.UNAVAILABLE));
        String typing = new String(WafleetJson.<Command>serializer().serialize("t",
                new SendChatPresence("p2", ACCOUNT, 1, "6281234567890", ChatState.COMPOSING)), StandardCharsets.UTF_8);
        assertThat(typing).contains("\"type\":\"send.chat_presence\"").contains("\"state\":\"composing\"");
        Event event = Event.of("p3", ACCOUNT, AT, new ChatPresenceChanged("c@s.whatsapp.net", "c", null, ChatState.PAUSED, AT));
        assertThat(new String(WafleetJson.<Event>serializer().serialize("t", event), StandardCharsets.UTF_8))
                .contains("\"event\":\"chat_presence\"").contains("\"state\":\"paused\"");
        String recording = presence.replace("\"unavailable\"", "\"recording\"");
        assertThatThrownBy(() -> WafleetJson.commandDeserializer().deserialize("t", recording.getBytes(StandardCharsets.UTF_8)))
                .hasRootCauseMessage("unknown presence: recording");
    }

    @Test
    void eventIdsAreStableForTheSameSourceAndType() {
        Event first = Event.of("c1", ACCOUNT, AT, new MessageSent("m", "to", "text"));
        Event replay = Event.of("c1", ACCOUNT, AT.plusSeconds(5), new MessageSent("m", "to", "text"));
        Event other = Event.of("c1", ACCOUNT, AT, new MessageFailed("m", "to", "expired"));
        assertThat(replay.id()).isEqualTo(first.id());
        assertThat(other.id()).isNotEqualTo(first.id());
    }

    @Test
    void repliesAndConfigChangesRoundTrip() {
        Reply reply = new Reply("corr-1", ACCOUNT, 1, SessionStatus.SCAN_QR, "2@abc", 60, null, null, null);
        byte[] bytes = WafleetJson.<Reply>serializer().serialize("t", reply);
        assertThat(WafleetJson.replyDeserializer().deserialize("t", bytes)).isEqualTo(reply);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"status\":\"scan_qr\"").doesNotContain("\"ok\"");

        GroupInfo group = new GroupInfo(GROUP, "Tim Jualan", "6281234567890@s.whatsapp.net", AT, List.of(
                new GroupInfo.Participant("6281234567890@s.whatsapp.net", "6281234567890", true, true),
                new GroupInfo.Participant("6289876543210@s.whatsapp.net", "6289876543210", false, false)));
        Reply groupReply = Reply.group("corr-2", ACCOUNT, group, List.of(ParticipantResult.success("6289876543210@s.whatsapp.net"),
                ParticipantResult.error("081234567890@s.whatsapp.net", "not_on_whatsapp")));
        byte[] groupBytes = WafleetJson.<Reply>serializer().serialize("t", groupReply);
        assertThat(WafleetJson.replyDeserializer().deserialize("t", groupBytes)).isEqualTo(groupReply);
        assertThat(new String(groupBytes, StandardCharsets.UTF_8)).contains("\"is_super_admin\":true")
                .contains("\"created_at\":\"2026-11-26T05:00:00Z\"").contains("\"reason\":\"not_on_whatsapp\"");

        AccountConfigChanged change = new AccountConfigChanged(ACCOUNT, 1, AT, true);
        byte[] changeBytes = WafleetJson.<AccountConfigChanged>serializer().serialize("t", change);
        assertThat(WafleetJson.configDeserializer().deserialize("t", changeBytes)).isEqualTo(change);
    }

    @Test
    void aContactCardCarriesItsVcard() {
        assertThat(new ContactCard("Budi; Santoso", "+62 898-7654-3210").vcard()).isEqualTo(
                "BEGIN:VCARD\nVERSION:3.0\nFN:Budi\\; Santoso\nTEL;type=CELL;waid=6289876543210:+6289876543210\nEND:VCARD");
    }
}
