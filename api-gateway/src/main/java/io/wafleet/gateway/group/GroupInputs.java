package io.wafleet.gateway.group;

import io.wafleet.common.command.CommandRules;
import io.wafleet.gateway.web.ApiException;
import io.wafleet.gateway.web.Inputs;

import java.util.List;

/** The group calls' own input rules, the contract's ({@link CommandRules}); each failure is a 400 naming the field. */
final class GroupInputs {

    private GroupInputs() {
    }

    static String title(String value) {
        return Inputs.text(value, "title", CommandRules.MAX_GROUP_SUBJECT);
    }

    static String groupId(String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("group_id is required: the group's WhatsApp id, ending in @g.us");
        }
        if (!CommandRules.isGroupId(value)) {
            throw ApiException.badRequest("group_id must be a group's WhatsApp id: digits ending in @g.us");
        }
        return value;
    }

    /** 1 to {@link CommandRules#MAX_GROUP_PARTICIPANTS} people: phone numbers or WhatsApp ids of persons. */
    static List<String> participants(List<String> values) {
        if (values == null || values.isEmpty()) {
            throw ApiException.badRequest("participants is required: a list of phone numbers (8-15 digits) "
                    + "or WhatsApp ids ending in @s.whatsapp.net");
        }
        if (values.size() > CommandRules.MAX_GROUP_PARTICIPANTS) {
            throw ApiException.badRequest("participants must have at most " + CommandRules.MAX_GROUP_PARTICIPANTS
                    + " people (a group holds 1,024 members)");
        }
        for (String value : values) {
            if (!CommandRules.isPerson(value)) {
                throw ApiException.badRequest("participants must all be phone numbers (8-15 digits, country code first) "
                        + "or WhatsApp ids ending in @s.whatsapp.net; not " + shown(value));
            }
        }
        return List.copyOf(values);
    }

    private static String shown(String value) {
        if (value == null) {
            return "null";
        }
        return "'" + (value.length() > 40 ? value.substring(0, 40) + "..." : value) + "'";
    }
}
