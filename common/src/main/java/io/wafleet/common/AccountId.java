package io.wafleet.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The id of a WhatsApp account of the fleet: 1–64 letters, digits, {@code _} or {@code -}.
 * It is the Kafka key of every command and event of the account, so it decides which partition,
 * and therefore which session worker, owns the account. In JSON it is a plain string.
 */
public record AccountId(String value) implements Comparable<AccountId> {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public AccountId {
        Objects.requireNonNull(value, "account id");
        if (!isValid(value)) {
            throw new IllegalArgumentException("account id must be 1-64 letters, digits, '_' or '-'");
        }
    }

    @JsonCreator
    public static AccountId of(String value) {
        return new AccountId(value);
    }

    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public int compareTo(AccountId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
