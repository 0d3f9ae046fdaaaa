package io.wafleet.common.event;

/**
 * {@code message.action}: an action of the account on a message ({@code react}, {@code revoke},
 * {@code delete}, {@code edit}, {@code read}, {@code star}, {@code unstar}) ended: {@code status}
 * {@code done}, or {@code failed} with a {@code reason} ({@code not_found}, {@code not_own_message},
 * {@code edit_window_passed}, {@code not_editable}, {@code revoked}, {@code not_logged_in}, ...). Its id
 * derives from the command id, so a replayed command reports with the same id.
 */
public record MessageActionFinished(String action, String messageId, String chatId, String status, String reason)
        implements EventPayload {

    public static final String DONE = "done";
    public static final String FAILED = "failed";
}
