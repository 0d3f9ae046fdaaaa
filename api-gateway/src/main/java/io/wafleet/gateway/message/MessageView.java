package io.wafleet.gateway.message;

import org.bson.Document;

import java.time.Instant;

import static io.wafleet.gateway.delivery.DocumentFields.instant;
import static io.wafleet.gateway.delivery.DocumentFields.string;

/** A message's status as the API shows it, from its {@code messages} record. */
record MessageView(String messageId, String accountId, String to, String type, String status, String reason,
                   Instant createdAt, Instant sentAt, Instant deliveredAt, Instant readAt, Instant failedAt,
                   Instant updatedAt) {

    static MessageView from(Document document) {
        return new MessageView(string(document, "_id"), string(document, "account_id"), string(document, "to"),
                string(document, "type"), status(document), string(document, "reason"),
                instant(document, "created_at"), instant(document, "sent_at"), instant(document, "delivered_at"),
                instant(document, "read_at"), instant(document, "failed_at"), instant(document, "updated_at"));
    }

    /** {@code sending} is the worker's internal claim: to a client the message is still queued. */
    private static String status(Document document) {
        String status = string(document, "status");
        return MessageRecords.SENDING.equals(status) ? MessageRecords.QUEUED : status;
    }
}
