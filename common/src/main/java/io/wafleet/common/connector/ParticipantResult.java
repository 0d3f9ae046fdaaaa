package io.wafleet.common.connector;

/**
 * What became of one participant of a group change: {@code success}, or {@code error} with a
 * {@code reason} ({@code not_on_whatsapp}, {@code already_member}, {@code not_member}, {@code already_admin},
 * {@code not_admin}, {@code not_allowed}, {@code group_full}).
 *
 * @param participant the participant's WhatsApp id
 */
public record ParticipantResult(String participant, String status, String reason) {

    public static final String SUCCESS = "success";
    public static final String ERROR = "error";

    public static ParticipantResult success(String participant) {
        return new ParticipantResult(participant, SUCCESS, null);
    }

    public static ParticipantResult error(String participant, String reason) {
        return new ParticipantResult(participant, ERROR, reason);
    }
}
