package io.wafleet.common.command;

import io.wafleet.common.AccountId;
import io.wafleet.common.json.ContractSerdeTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract's rules: every documented example passes; each broken command is refused naming its field. */
class CommandRulesTest {

    private static final AccountId ACCOUNT = AccountId.of("whatsapp_bisnis");
    private static final String TO = "6281234567890";
    private static final String GROUP = "120363021234567890@g.us";
    private static final MediaRef PDF = new MediaRef("665f1d", "application/pdf", 20480, "invoice.pdf");
    private static final int V = Command.SCHEMA_VERSION;

    static Stream<Command> examples() {
        return ContractSerdeTest.commands();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleOfTheContractMayRun(Command command) {
        assertThat(CommandRules.problem(command)).isEmpty();
    }

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of(new Login(" ", ACCOUNT, V, null), "command_id is required"),
                Arguments.of(new Login("c1", ACCOUNT, 2, null), "schema_version 2 is not supported"),
                Arguments.of(new LoginWithCode("c1", ACCOUNT, V, "+6281", null), "phone_number must be 8-15 digits"),
                Arguments.of(new SendMessage("c1", ACCOUNT, V, null, TO, "hi", null), "message_id must be"),
                Arguments.of(new SendMessage("c1", ACCOUNT, V, "3EB0 1", TO, "hi", null), "message_id must be"),
                Arguments.of(new SendMessage("c1", ACCOUNT, V, "3EB01", "0812", "hi", null), "phone must be 8-15 digits"),
                Arguments.of(new SendMessage("c1", ACCOUNT, V, "3EB01", TO, " ", null), "message is required"),
                Arguments.of(new SendMessage("c1", ACCOUNT, V, "3EB01", TO, "x".repeat(65_537), null), "message must be at most 65536"),
                Arguments.of(new SendFile("c1", ACCOUNT, V, "3EB01", TO, null, null, null), "file is required"),
                Arguments.of(new SendAudio("c1", ACCOUNT, V, "3EB01", TO, new MediaRef("", "audio/ogg", 1, null), null), "audio.media_id is required"),
                Arguments.of(new SendVideo("c1", ACCOUNT, V, "3EB01", TO, "x".repeat(4_097), PDF, null), "caption must be at most 4096"),
                Arguments.of(new SendLocation("c1", ACCOUNT, V, "3EB01", TO, new GeoLocation(91, 0, null, null), null), "location.latitude"),
                Arguments.of(new SendContact("c1", ACCOUNT, V, "3EB01", TO, new ContactCard("Budi", "abc"), null), "contact.phone"),
                Arguments.of(new SendLink("c1", ACCOUNT, V, "3EB01", TO, "javascript:alert(1)", null, null), "link must be an absolute"),
                Arguments.of(new SendPoll("c1", ACCOUNT, V, "3EB01", TO, new PollSpec("Q?", List.of("a", "a"), 1), null), "poll.options must all differ"),
                Arguments.of(new SendPoll("c1", ACCOUNT, V, "3EB01", TO, new PollSpec("Q?", List.of("a", "b"), 3), null), "poll.max_answer"),
                Arguments.of(new SandboxInbound("c1", ACCOUNT, V, null, "6289876543210", null, null, null), "a message, media"),
                Arguments.of(new CheckUser("c1", ACCOUNT, V, "120363021234567890@g.us", null), "phone must be"),
                Arguments.of(new GetUserInfo("c1", ACCOUNT, V, "+62 812", null), "phone must be"),
                Arguments.of(new ReactToMessage("c1", ACCOUNT, V, "3EB01", TO, null), "emoji is required"),
                Arguments.of(new RevokeMessage("c1", ACCOUNT, V, "", TO), "message_id must be"),
                Arguments.of(new EditMessage("c1", ACCOUNT, V, "3EB01", TO, ""), "message is required"),
                Arguments.of(new ForwardMessage("c1", ACCOUNT, V, "3EB01", TO, "nowhere", "3EB02"), "to must be"),
                Arguments.of(new SendPresence("c1", ACCOUNT, V, null), "presence is required"),
                Arguments.of(new SendChatPresence("c1", ACCOUNT, V, null, ChatState.COMPOSING), "phone must be 8-15 digits"),
                Arguments.of(new SendChatPresence("c1", ACCOUNT, V, "+62 812", ChatState.COMPOSING), "phone must be 8-15 digits"),
                Arguments.of(new SendChatPresence("c1", ACCOUNT, V, TO, null), "state is required"),
                Arguments.of(new SendChatPresence(null, ACCOUNT, V, TO, ChatState.PAUSED), "command_id is required"),
                Arguments.of(new SandboxChatPresence("c1", ACCOUNT, V, "bob", null, ChatState.COMPOSING), "from must be"),
                Arguments.of(new SandboxChatPresence("c1", ACCOUNT, V, TO, null, null), "state is required"),
                Arguments.of(new CreateGroup("c1", ACCOUNT, V, " ", List.of(TO), null), "subject is required"),
                Arguments.of(new CreateGroup("c1", ACCOUNT, V, "x".repeat(101), List.of(TO), null), "subject must be at most 100"),
                Arguments.of(new CreateGroup("c1", ACCOUNT, V, "Team", List.of(), null), "participants must be a list of 1 to 1023"),
                Arguments.of(new CreateGroup("c1", ACCOUNT, V, "Team", null, null), "participants must be a list"),
                Arguments.of(new CreateGroup("c1", ACCOUNT, V, "Team", List.of(GROUP), null), "participants[] must be"),
                Arguments.of(new GetGroupInfo("c1", ACCOUNT, V, TO, null), "group_id must be a group's WhatsApp id"),
                Arguments.of(new UpdateGroupParticipants("c1", ACCOUNT, V, GROUP, ParticipantAction.LEAVE, List.of(TO), null),
                        "action is required: add, remove, promote or demote"),
                Arguments.of(new UpdateGroupParticipants("c1", ACCOUNT, V, GROUP, ParticipantAction.ADD,
                        java.util.Collections.nCopies(1024, TO), null), "participants must be a list"),
                Arguments.of(new UpdateGroupParticipants("c1", ACCOUNT, V, GROUP, ParticipantAction.ADD, List.of("+62 812"), null),
                        "participants[] must be"),
                Arguments.of(new LeaveGroup("c1", ACCOUNT, V, null, null), "group_id must be"),
                Arguments.of(new SandboxGroupUpdate("c1", ACCOUNT, V, GROUP, null, List.of(TO), null), "action is required"),
                Arguments.of(new SandboxGroupUpdate("c1", ACCOUNT, V, GROUP, ParticipantAction.ADD, List.of(TO), GROUP), "by must be"),
                Arguments.of(new SandboxInbound("c1", ACCOUNT, V, "3EB01", TO, null, "hi", null, null, null, null, null, null, TO),
                        "group must be"));
    }

    @ParameterizedTest
    @MethodSource("broken")
    void aBrokenCommandIsRefusedWithTheRuleItBreaks(Command command, String reason) {
        assertThat(CommandRules.problem(command)).hasValueSatisfying(problem -> assertThat(problem).startsWith(reason));
    }
}
