package io.wafleet.session.connector.sandbox;

import io.wafleet.common.AccountId;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A message the sandbox network carried, as WhatsApp's servers know it: who sent it ({@code sender},
 * null for an outside contact, and {@code senderPhone}) to which chat ({@code chat}, the recipient's
 * WhatsApp id as the sender addressed it), the sandbox account that received it ({@code recipient},
 * null when none of the fleet did), its content, and what happened to it since.
 *
 * @param deletedFor account ids that deleted it for themselves
 * @param starredBy  account ids that starred it
 */
record CarriedMessage(String id, AccountId sender, String senderPhone, String chat, AccountId recipient, Content content,
                      Instant sentAt, boolean revoked, Set<String> deletedFor, Set<String> starredBy) {

    CarriedMessage {
        deletedFor = Set.copyOf(deletedFor);
        starredBy = Set.copyOf(starredBy);
    }

    /** A message just sent, nothing done to it yet. */
    static CarriedMessage sent(String id, AccountId sender, String senderPhone, String chat, AccountId recipient,
                               Content content, Instant sentAt) {
        return new CarriedMessage(id, sender, senderPhone, chat, recipient, content, sentAt, false, Set.of(), Set.of());
    }

    /**
     * How {@code account} sees the message: the chat it is in for that account and whether the account
     * sent it; empty when it is in none of the account's chats, or the account deleted it for itself.
     */
    Optional<View> viewOf(AccountId account) {
        if (deletedFor.contains(account.value())) {
            return Optional.empty();
        }
        if (account.equals(sender)) {
            return Optional.of(new View(chat, true, recipient));
        }
        if (account.equals(recipient)) {
            return Optional.of(new View(SandboxIds.jid(senderPhone), false, sender));
        }
        return Optional.empty();
    }

    /**
     * The message as one account sees it.
     *
     * @param chat   the chat's WhatsApp id for that account
     * @param fromMe whether that account sent it
     * @param peer   the other sandbox account of the chat, null when the other side is outside the fleet
     */
    record View(String chat, boolean fromMe, AccountId peer) {
    }
}
