package io.wafleet.gateway.web;

import io.wafleet.common.AccountId;
import io.wafleet.common.command.CommandRules;

import java.net.URI;
import java.net.URISyntaxException;

/** The input rules of the API; each failure is a 400 whose message says what to fix. */
public final class Inputs {

    private static final int MAX_URL_LENGTH = CommandRules.MAX_URL;

    private Inputs() {
    }

    public static AccountId accountId(String value, String field) {
        if (value == null || value.isEmpty()) {
            throw ApiException.badRequest(field + " is required: 1-64 letters, digits, '_' or '-'");
        }
        if (!AccountId.isValid(value)) {
            throw ApiException.badRequest(field + " must be 1-64 letters, digits, '_' or '-'");
        }
        return AccountId.of(value);
    }

    /** A WhatsApp message id, as the sender minted it: 1-128 letters, digits, '_' or '-'. */
    public static String messageId(String value, String field) {
        if (!CommandRules.isId(value)) {
            throw ApiException.badRequest(field + " must be a WhatsApp message id: 1-128 letters, digits, '_' or '-'");
        }
        return value;
    }

    /** A recipient: 8-15 digits, or a WhatsApp id of a person ({@code @s.whatsapp.net}) or a group ({@code @g.us}). */
    public static String phone(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(field + " is required: 8-15 digits, or a WhatsApp id ending in @s.whatsapp.net or @g.us");
        }
        if (!isPhone(value)) {
            throw ApiException.badRequest(field + " must be 8-15 digits (country code first, no '+' or spaces), "
                    + "or a WhatsApp id ending in @s.whatsapp.net or @g.us");
        }
        return value;
    }

    public static boolean isPhone(String value) {
        return CommandRules.isPhone(value);
    }

    /** A phone number to pair with: 8-15 digits only (no WhatsApp id). */
    public static String phoneNumber(String value, String field) {
        if (!CommandRules.isPhoneNumber(value)) {
            throw ApiException.badRequest(field + " must be 8-15 digits, country code first, no '+' or spaces");
        }
        return value;
    }

    public static String text(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(field + " is required and must not be blank");
        }
        if (value.length() > maxLength) {
            throw ApiException.badRequest(field + " must be at most " + maxLength + " characters");
        }
        return value;
    }

    /** An absolute http or https URL with a host. */
    public static URI httpUrl(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(field + " is required: an absolute http:// or https:// URL");
        }
        if (value.length() > MAX_URL_LENGTH) {
            throw ApiException.badRequest(field + " must be at most " + MAX_URL_LENGTH + " characters");
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                throw ApiException.badRequest(field + " must be an absolute http:// or https:// URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw ApiException.badRequest(field + " is not a valid URL: " + e.getReason());
        }
    }
}
