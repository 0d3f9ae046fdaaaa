package io.wafleet.gateway.account;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How an account's session reaches WhatsApp, chosen when the account is created: the simulated
 * {@code sandbox}, a {@code linked_device} (WhatsApp Web multi-device, logged in by QR or pairing code),
 * or Meta's {@code cloud_api} (logged in with an access token; inbound traffic arrives at its webhook).
 */
public enum Transport {

    SANDBOX("sandbox"), LINKED_DEVICE("linked_device"), CLOUD_API("cloud_api");

    /** The allowed wire names, for messages: {@code sandbox, linked_device or cloud_api}. */
    static final String ALLOWED = Arrays.stream(values()).map(Transport::wireName)
            .collect(Collectors.collectingAndThen(Collectors.toList(),
                    names -> String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast()));

    private final String wireName;

    Transport(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether the session opens a connection of its own, which may go through a proxy. */
    boolean connectsOut() {
        return this != SANDBOX;
    }

    static Optional<Transport> of(String wireName) {
        return Arrays.stream(values()).filter(transport -> transport.wireName.equals(wireName)).findFirst();
    }

    /** A stored value: documents written before transports existed have none and are sandbox accounts. */
    static Transport stored(Object value) {
        return value == null ? SANDBOX : of(value.toString()).orElse(SANDBOX);
    }
}
