package io.wafleet.common.connector;

import io.wafleet.common.command.ChatState;
import io.wafleet.common.command.ParticipantAction;
import io.wafleet.common.command.Presence;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One account's connection to WhatsApp. Calls may come in any order; a call the session cannot
 * serve in its state completes exceptionally with a {@link ConnectorException} naming why. What a
 * transport has no form for (the Cloud API has no presence, groups or user look-ups) fails with reason
 * {@code not_supported}: the defaults here.
 */
public interface Session extends AutoCloseable {

    /** A QR login: completes with the QR text once issued; the login completes later, when the phone scans it. */
    CompletionStage<QrCode> loginWithQr();

    /** A pairing-code login for the phone number: completes with the code to enter on the phone. */
    CompletionStage<String> loginWithCode(String phoneNumber);

    /**
     * A login with a token issued outside WhatsApp (the Cloud API's access token): completes once the
     * token was checked, after the listener was told {@code loggedIn} with the credentials to keep.
     * Transports that log in by QR or pairing code fail it with reason {@code not_supported}.
     */
    default CompletionStage<Void> loginWithToken(CloudApiSettings settings) {
        return CompletableFuture.failedStage(new ConnectorException("not_supported",
                "this transport logs in by QR code or pairing code, not with a token"));
    }

    /** Connect with credentials stored from an earlier login; no QR is needed. */
    CompletionStage<Void> restore(Credentials credentials);

    /**
     * Send; completes when WhatsApp took the message. Receipts arrive later through the listener. A
     * {@link OutboundMessage.Forward} of a message the account cannot see fails with reason {@code not_found}.
     */
    CompletionStage<Void> send(OutboundMessage message);

    /**
     * Acts on a message the account sent or received; completes when WhatsApp took the action. A message
     * the account cannot act on fails with a {@link ConnectorException} whose reason says why:
     * {@code not_found} (no such message in that chat), {@code not_own_message} (revoke or edit of
     * another's message), {@code edit_window_passed}, {@code not_editable}, {@code revoked}.
     */
    CompletionStage<Void> act(MessageAction action);

    /**
     * Sets the account's presence, as its contacts see it; completes when WhatsApp took it. Idempotent:
     * setting the same presence again changes nothing but its time.
     */
    default CompletionStage<Void> sendPresence(Presence presence) {
        return notSupported("setting a presence");
    }

    /**
     * Shows the chat {@code chat} (a phone number or WhatsApp id of a person or group) that the account is
     * typing or stopped; completes when WhatsApp took it. A signal, not a message: it has no id and no
     * receipts, and repeating it shows the same state again.
     */
    default CompletionStage<Void> sendChatPresence(String chat, ChatState state) {
        return notSupported("typing indicators");
    }

    /** What WhatsApp tells this account about a phone number (on WhatsApp or not, name, about, presence, devices). */
    default CompletionStage<WhatsAppUser> lookUp(String phone) {
        return notSupported("looking up users");
    }

    /**
     * Creates a group that the account owns, with the participants (phone numbers or WhatsApp ids) that can
     * be added; {@code createKey} identifies this creation, so that asking again with the same key answers
     * the group created the first time. Completes with the group and each participant's result.
     */
    default CompletionStage<GroupChange> createGroup(String createKey, String subject, List<String> participants) {
        return notSupported("groups");
    }

    /**
     * The group as the account sees it; fails {@code group_not_found}, or {@code not_member} when the
     * account is not in it.
     */
    default CompletionStage<GroupInfo> groupInfo(String groupId) {
        return notSupported("groups");
    }

    /**
     * Adds, removes, promotes or demotes participants of a group the account is an admin of (fails
     * {@code group_not_found}, {@code not_member}, {@code not_admin}); each participant's own refusal is in
     * its result. Members are told through their sessions.
     */
    default CompletionStage<GroupChange> updateGroupParticipants(String groupId, ParticipantAction action,
                                                                 List<String> participants) {
        return notSupported("groups");
    }

    /** The account leaves the group (fails {@code group_not_found}, {@code not_member}). */
    default CompletionStage<Void> leaveGroup(String groupId) {
        return notSupported("groups");
    }

    /** Log the linked device out; the credentials become useless. */
    CompletionStage<Void> logout();

    /** Close the connection without logging out (credentials stay valid). Idempotent. */
    @Override
    void close();

    /** A call the transport has no form for: fails with reason {@code not_supported}, naming {@code what}. */
    static <T> CompletionStage<T> notSupported(String what) {
        return CompletableFuture.failedStage(new ConnectorException("not_supported", "this transport does not support " + what));
    }

    /** A QR code's text and how long it stays valid. */
    record QrCode(String text, Duration validFor) {
    }
}
