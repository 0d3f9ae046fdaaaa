package io.wafleet.common.command;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules a command must follow to be run, the same for the gateway and for any other system
 * producing on {@code wafleet.commands}: a session worker refuses a command that breaks one with a
 * {@code command.rejected} event naming the field and the rule, instead of running half of it or
 * failing on it again and again. The gateway checks the same limits on its inputs.
 */
public final class CommandRules {

    public static final int MAX_TEXT = 65_536;
    public static final int MAX_CAPTION = 4_096;
    public static final int MAX_PLACE_TEXT = 1_024;
    public static final int MAX_CONTACT_NAME = 256;
    public static final int MAX_POLL_QUESTION = 255;
    public static final int MAX_POLL_OPTIONS = 12;
    public static final int MAX_POLL_OPTION = 100;
    public static final int MAX_URL = 2_048;
    public static final int MAX_EMOJI = 32;
    /** WhatsApp's limit on a group's subject. */
    public static final int MAX_GROUP_SUBJECT = 100;
    /** How many participants one call may name: a group holds at most 1,024 members, its creator one of them. */
    public static final int MAX_GROUP_PARTICIPANTS = 1_023;

    private static final int MAX_ID = 128;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_ID + "}");
    private static final Pattern PHONE_NUMBER = Pattern.compile("\\d{8,15}");
    private static final Pattern PERSON_JID = Pattern.compile("\\d{8,15}@s\\.whatsapp\\.net");
    private static final Pattern GROUP_JID = Pattern.compile("\\d{1,20}(-\\d{1,20})?@g\\.us");

    private CommandRules() {
    }

    /** A recipient: 8-15 digits, or a WhatsApp id of a person ({@code @s.whatsapp.net}) or a group ({@code @g.us}). */
    public static boolean isPhone(String value) {
        return value != null && (PHONE_NUMBER.matcher(value).matches() || PERSON_JID.matcher(value).matches()
                || GROUP_JID.matcher(value).matches());
    }

    /** A group's WhatsApp id: digits (an older group's have a {@code -}) ending in {@code @g.us}. */
    public static boolean isGroupId(String value) {
        return value != null && GROUP_JID.matcher(value).matches();
    }

    /** A person: 8-15 digits, or a WhatsApp id ending in {@code @s.whatsapp.net}. */
    public static boolean isPerson(String value) {
        return value != null && (PHONE_NUMBER.matcher(value).matches() || PERSON_JID.matcher(value).matches());
    }

    /** A phone number alone: 8-15 digits, country code first. */
    public static boolean isPhoneNumber(String value) {
        return value != null && PHONE_NUMBER.matcher(value).matches();
    }

    /** A message or command id: 1-128 letters, digits, {@code _} or {@code -}. */
    public static boolean isId(String value) {
        return value != null && ID.matcher(value).matches();
    }

    /** What is wrong with the command, or empty when it may run. */
    public static Optional<String> problem(Command command) {
        try {
            check(command);
            return Optional.empty();
        } catch (Broken broken) {
            return Optional.of(broken.getMessage());
        }
    }

    private static void check(Command command) {
        require(command.commandId() != null && !command.commandId().isBlank() && command.commandId().length() <= MAX_ID
                && command.commandId().chars().noneMatch(Character::isISOControl),
                "command_id is required: 1-" + MAX_ID + " characters, without control characters");
        require(command.accountId() != null, "account_id is required");
        require(command.schemaVersion() == Command.SCHEMA_VERSION,
                "schema_version " + command.schemaVersion() + " is not supported; this worker reads " + Command.SCHEMA_VERSION);
        switch (command) {
            case Login c -> { }
            case LoginWithCode c -> require(isPhoneNumber(c.phoneNumber()), "phone_number must be 8-15 digits");
            case Logout c -> { }
            case Reconnect c -> { }
            case DeleteAccount c -> { }
            case SendMessage c -> {
                send(c.messageId(), c.phone());
                text(c.message(), "message", MAX_TEXT);
                require(c.replyMessageId() == null || isId(c.replyMessageId()),
                        "reply_message_id must be 1-" + MAX_ID + " letters, digits, '_' or '-'");
            }
            case SendImage c -> media(c.messageId(), c.phone(), c.caption(), c.image(), "image");
            case SendFile c -> media(c.messageId(), c.phone(), c.caption(), c.file(), "file");
            case SendVideo c -> media(c.messageId(), c.phone(), c.caption(), c.video(), "video");
            case SendAudio c -> media(c.messageId(), c.phone(), null, c.audio(), "audio");
            case SendSticker c -> media(c.messageId(), c.phone(), null, c.sticker(), "sticker");
            case SendLocation c -> {
                send(c.messageId(), c.phone());
                location(c.location());
            }
            case SendContact c -> {
                send(c.messageId(), c.phone());
                contact(c.contact());
            }
            case SendLink c -> {
                send(c.messageId(), c.phone());
                require(isHttpUrl(c.link()), "link must be an absolute http:// or https:// URL of at most " + MAX_URL + " characters");
                optionalText(c.caption(), "caption", MAX_CAPTION);
            }
            case SendPoll c -> {
                send(c.messageId(), c.phone());
                poll(c.poll());
            }
            case SendPresence c -> require(c.presence() != null, "presence is required: available or unavailable");
            case SendChatPresence c -> {
                require(isPhone(c.phone()), "phone must be 8-15 digits, or a WhatsApp id ending in @s.whatsapp.net or @g.us");
                require(c.state() != null, "state is required: composing or paused");
            }
            case MessageCommand c -> messageCommand(c);
            case SandboxMessageUpdate c -> {
                require(isId(c.messageId()), "message_id must be 1-" + MAX_ID + " letters, digits, '_' or '-'");
                require(isPhone(c.from()), "from must be 8-15 digits, or a WhatsApp id");
                require(c.kind() != SandboxMessageUpdate.Kind.EDITED || c.message() != null, "message is required for an edit");
                optionalText(c.message(), "message", MAX_TEXT);
                optionalText(c.emoji(), "emoji", MAX_EMOJI);
            }
            case SandboxChatPresence c -> {
                require(isPhone(c.from()), "from must be 8-15 digits, or a WhatsApp id");
                require(c.state() != null, "state is required: composing or paused");
            }
            case CheckUser c -> person(c.phone());
            case GetUserInfo c -> person(c.phone());
            case CreateGroup c -> {
                text(c.subject(), "subject", MAX_GROUP_SUBJECT);
                participants(c.participants());
            }
            case GetGroupInfo c -> groupId(c.groupId());
            case UpdateGroupParticipants c -> {
                groupId(c.groupId());
                require(c.action() != null && c.action() != ParticipantAction.LEAVE,
                        "action is required: add, remove, promote or demote (a member leaves with group.leave)");
                participants(c.participants());
            }
            case LeaveGroup c -> groupId(c.groupId());
            case SandboxGroupUpdate c -> {
                groupId(c.groupId());
                require(c.action() != null, "action is required: add, remove, promote, demote or leave");
                participants(c.participants());
                require(c.by() == null || isPerson(c.by()), "by must be 8-15 digits, or a WhatsApp id ending in @s.whatsapp.net");
            }
            case SandboxScan c -> { }
            case LoginWithToken c -> { }
            case CloudApiInbound c -> require(c.payload() != null && !c.payload().isBlank(), "payload is required");
            case SandboxInbound c -> inbound(c);
            case SandboxDuplicateConnection c -> { }
            case SandboxFault c -> { }
        }
    }

    private static void messageCommand(MessageCommand command) {
        send(command.messageId(), command.phone());
        switch (command) {
            case ReactToMessage c -> {
                require(c.emoji() != null, "emoji is required (an empty string removes the reaction)");
                optionalText(c.emoji(), "emoji", MAX_EMOJI);
            }
            case EditMessage c -> text(c.message(), "message", MAX_TEXT);
            case ForwardMessage c -> {
                require(isPhone(c.to()), "to must be 8-15 digits, or a WhatsApp id ending in @s.whatsapp.net or @g.us");
                require(isId(c.forwardedMessageId()), "forwarded_message_id must be 1-" + MAX_ID + " letters, digits, '_' or '-'");
            }
            case RevokeMessage c -> { }
            case DeleteMessage c -> { }
            case MarkMessageRead c -> { }
            case StarMessage c -> { }
            case UnstarMessage c -> { }
        }
    }

    private static void groupId(String groupId) {
        require(isGroupId(groupId), "group_id must be a group's WhatsApp id, ending in @g.us");
    }

    private static void participants(List<String> participants) {
        require(participants != null && !participants.isEmpty() && participants.size() <= MAX_GROUP_PARTICIPANTS,
                "participants must be a list of 1 to " + MAX_GROUP_PARTICIPANTS + " people");
        for (String participant : participants) {
            require(isPerson(participant),
                    "participants[] must be 8-15 digits, or a WhatsApp id ending in @s.whatsapp.net (a person, not a group)");
        }
    }

    private static void person(String phone) {
        require(isPhone(phone) && !phone.endsWith("@g.us"),
                "phone must be 8-15 digits, or a WhatsApp id ending in @s.whatsapp.net (a person, not a group)");
    }

    private static void send(String messageId, String phone) {
        require(isId(messageId), "message_id must be 1-" + MAX_ID + " letters, digits, '_' or '-'");
        require(isPhone(phone), "phone must be 8-15 digits, or a WhatsApp id ending in @s.whatsapp.net or @g.us");
    }

    private static void media(String messageId, String phone, String caption, MediaRef media, String field) {
        send(messageId, phone);
        optionalText(caption, "caption", MAX_CAPTION);
        mediaRef(media, field);
    }

    private static void mediaRef(MediaRef media, String field) {
        require(media != null, field + " is required: {\"media_id\", \"mime_type\", \"size\", \"file_name\"}");
        require(media.mediaId() != null && !media.mediaId().isBlank(), field + ".media_id is required");
        require(media.mimeType() != null && media.mimeType().contains("/"), field + ".mime_type must be a MIME type");
        require(media.size() > 0, field + ".size must be positive");
    }

    private static void location(GeoLocation location) {
        require(location != null, "location is required: {\"latitude\", \"longitude\", \"name\", \"address\"}");
        require(Math.abs(location.latitude()) <= 90, "location.latitude must be from -90 to 90");
        require(Math.abs(location.longitude()) <= 180, "location.longitude must be from -180 to 180");
        optionalText(location.name(), "location.name", MAX_PLACE_TEXT);
        optionalText(location.address(), "location.address", MAX_PLACE_TEXT);
    }

    private static void contact(ContactCard contact) {
        require(contact != null, "contact is required: {\"display_name\", \"phone\"}");
        text(contact.displayName(), "contact.display_name", MAX_CONTACT_NAME);
        require(isPhoneNumber(contact.phone()), "contact.phone must be 8-15 digits");
    }

    private static void poll(PollSpec poll) {
        require(poll != null, "poll is required: {\"question\", \"options\", \"max_answer\"}");
        text(poll.question(), "poll.question", MAX_POLL_QUESTION);
        List<String> options = poll.options();
        require(options != null && options.size() >= 2 && options.size() <= MAX_POLL_OPTIONS,
                "poll.options must be a list of 2 to " + MAX_POLL_OPTIONS + " choices");
        for (String option : options) {
            text(option, "poll.options[]", MAX_POLL_OPTION);
        }
        require(new HashSet<>(options).size() == options.size(), "poll.options must all differ");
        require(poll.maxAnswer() >= 1 && poll.maxAnswer() <= options.size(),
                "poll.max_answer must be from 1 to the number of options");
    }

    private static void inbound(SandboxInbound inbound) {
        require(inbound.messageId() == null || isId(inbound.messageId()),
                "message_id must be 1-" + MAX_ID + " letters, digits, '_' or '-'");
        require(inbound.repliedId() == null || isId(inbound.repliedId()),
                "replied_id must be 1-" + MAX_ID + " letters, digits, '_' or '-'");
        require(isPhone(inbound.from()), "from must be 8-15 digits, or a WhatsApp id");
        optionalText(inbound.message(), "message", MAX_TEXT);
        if (inbound.media() != null) {
            mediaRef(inbound.media(), "media");
        }
        if (inbound.location() != null) {
            location(inbound.location());
        }
        if (inbound.contact() != null) {
            contact(inbound.contact());
        }
        if (inbound.poll() != null) {
            poll(inbound.poll());
        }
        require(inbound.group() == null || isGroupId(inbound.group()), "group must be a group's WhatsApp id, ending in @g.us");
        require(inbound.message() != null || inbound.media() != null || inbound.location() != null
                || inbound.contact() != null || inbound.poll() != null,
                "a message, media, location, contact or poll is required");
    }

    private static boolean isHttpUrl(String value) {
        if (value == null || value.length() > MAX_URL) {
            return false;
        }
        try {
            URI uri = new URI(value);
            return uri.getHost() != null && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void text(String value, String field, int maxLength) {
        require(value != null && !value.isBlank(), field + " is required and must not be blank");
        optionalText(value, field, maxLength);
    }

    private static void optionalText(String value, String field, int maxLength) {
        require(value == null || value.length() <= maxLength, field + " must be at most " + maxLength + " characters");
    }

    private static void require(boolean rule, String otherwise) {
        if (!rule) {
            throw new Broken(otherwise);
        }
    }

    /** A broken rule, thrown inside {@link #check} only. */
    private static final class Broken extends RuntimeException {

        Broken(String message) {
            super(message, null, false, false);
        }
    }
}
