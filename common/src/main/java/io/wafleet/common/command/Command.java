package io.wafleet.common.command;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.wafleet.common.AccountId;

/**
 * A command for the session worker that owns an account, published on
 * {@link io.wafleet.common.Topics#COMMANDS} with the account id as key.
 *
 * <p>Every command names its own type in the {@code type} field of its JSON body and carries
 * {@code command_id}, {@code account_id} and {@code schema_version}, so any Kafka client can produce
 * one without spring-kafka's type headers. Commands of one account run in the order they were
 * published. A command may be delivered more than once (a worker that crashed before committing
 * re-reads it); workers make each one take effect at most once per {@code command_id} or message id.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Login.class, name = "account.login"),
        @JsonSubTypes.Type(value = LoginWithCode.class, name = "account.login_with_code"),
        @JsonSubTypes.Type(value = LoginWithToken.class, name = "account.login_with_token"),
        @JsonSubTypes.Type(value = Logout.class, name = "account.logout"),
        @JsonSubTypes.Type(value = Reconnect.class, name = "account.reconnect"),
        @JsonSubTypes.Type(value = DeleteAccount.class, name = "account.delete"),
        @JsonSubTypes.Type(value = SendMessage.class, name = "send.message"),
        @JsonSubTypes.Type(value = SendImage.class, name = "send.image"),
        @JsonSubTypes.Type(value = SendFile.class, name = "send.file"),
        @JsonSubTypes.Type(value = SendVideo.class, name = "send.video"),
        @JsonSubTypes.Type(value = SendAudio.class, name = "send.audio"),
        @JsonSubTypes.Type(value = SendSticker.class, name = "send.sticker"),
        @JsonSubTypes.Type(value = SendLocation.class, name = "send.location"),
        @JsonSubTypes.Type(value = SendContact.class, name = "send.contact"),
        @JsonSubTypes.Type(value = SendLink.class, name = "send.link"),
        @JsonSubTypes.Type(value = SendPoll.class, name = "send.poll"),
        @JsonSubTypes.Type(value = SendPresence.class, name = "send.presence"),
        @JsonSubTypes.Type(value = SendChatPresence.class, name = "send.chat_presence"),
        @JsonSubTypes.Type(value = ReactToMessage.class, name = "message.react"),
        @JsonSubTypes.Type(value = RevokeMessage.class, name = "message.revoke"),
        @JsonSubTypes.Type(value = DeleteMessage.class, name = "message.delete"),
        @JsonSubTypes.Type(value = EditMessage.class, name = "message.edit"),
        @JsonSubTypes.Type(value = MarkMessageRead.class, name = "message.read"),
        @JsonSubTypes.Type(value = StarMessage.class, name = "message.star"),
        @JsonSubTypes.Type(value = UnstarMessage.class, name = "message.unstar"),
        @JsonSubTypes.Type(value = ForwardMessage.class, name = "message.forward"),
        @JsonSubTypes.Type(value = CheckUser.class, name = "user.check"),
        @JsonSubTypes.Type(value = GetUserInfo.class, name = "user.info"),
        @JsonSubTypes.Type(value = CreateGroup.class, name = "group.create"),
        @JsonSubTypes.Type(value = GetGroupInfo.class, name = "group.info"),
        @JsonSubTypes.Type(value = UpdateGroupParticipants.class, name = "group.update_participants"),
        @JsonSubTypes.Type(value = LeaveGroup.class, name = "group.leave"),
        @JsonSubTypes.Type(value = SandboxScan.class, name = "sandbox.scan"),
        @JsonSubTypes.Type(value = SandboxInbound.class, name = "sandbox.inbound"),
        @JsonSubTypes.Type(value = SandboxDuplicateConnection.class, name = "sandbox.duplicate_connection"),
        @JsonSubTypes.Type(value = SandboxFault.class, name = "sandbox.fault"),
        @JsonSubTypes.Type(value = SandboxMessageUpdate.class, name = "sandbox.message_update"),
        @JsonSubTypes.Type(value = SandboxChatPresence.class, name = "sandbox.chat_presence"),
        @JsonSubTypes.Type(value = SandboxGroupUpdate.class, name = "sandbox.group_update"),
        @JsonSubTypes.Type(value = CloudApiInbound.class, name = "cloud_api.inbound"),
})
public sealed interface Command
        permits Login, LoginWithCode, LoginWithToken, Logout, Reconnect, DeleteAccount, SendMessage, SendImage, SendFile, SendVideo, SendAudio,
        SendSticker, SendLocation, SendContact, SendLink, SendPoll, SendPresence, SendChatPresence,
        MessageCommand, CheckUser, GetUserInfo, CreateGroup, GetGroupInfo, UpdateGroupParticipants, LeaveGroup,
        SandboxScan, SandboxInbound, SandboxDuplicateConnection, SandboxFault, SandboxMessageUpdate, SandboxChatPresence,
        SandboxGroupUpdate, CloudApiInbound {

    int SCHEMA_VERSION = 1;

    String commandId();

    AccountId accountId();

    int schemaVersion();

    /**
     * The type a command names in its {@code type} field ({@code send.message}, {@code account.login}, ...):
     * one of a fixed set, so it may tag a metric.
     */
    static String typeOf(Command command) {
        return CommandTypeNames.NAMES.get(command.getClass());
    }
}

/** The {@code type} names of {@link Command}'s subtypes, read once from its {@link JsonSubTypes}. */
final class CommandTypeNames {

    static final ClassValue<String> NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            for (JsonSubTypes.Type subtype : Command.class.getAnnotation(JsonSubTypes.class).value()) {
                if (subtype.value() == type) {
                    return subtype.name();
                }
            }
            return type.getSimpleName();
        }
    };

    private CommandTypeNames() {
    }
}
