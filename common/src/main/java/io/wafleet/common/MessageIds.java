package io.wafleet.common;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

/** Ids minted by the fleet: WhatsApp-style message ids, command ids and stable event ids. */
public final class MessageIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private MessageIds() {
    }

    /** A new WhatsApp-style message id ({@code 3EB0} followed by 16 upper-case hex digits), as WhatsApp Web clients mint them. */
    public static String newMessageId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return "3EB0" + HexFormat.of().withUpperCase().formatHex(bytes);
    }

    public static String newCommandId() {
        return UUID.randomUUID().toString();
    }

    /**
     * The id of the event of type {@code eventType} caused by {@code sourceId} (a command id, or a
     * message id and receipt). The same source and type always give the same id, so a replayed
     * command republishes events with the same ids and receivers can deduplicate.
     */
    public static String eventId(String sourceId, String eventType) {
        return UUID.nameUUIDFromBytes((sourceId + "|" + eventType).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }
}
