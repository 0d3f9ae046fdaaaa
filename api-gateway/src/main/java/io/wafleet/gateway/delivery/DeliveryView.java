package io.wafleet.gateway.delivery;

import org.bson.Document;

import java.time.Instant;

import static io.wafleet.gateway.delivery.DocumentFields.instant;
import static io.wafleet.gateway.delivery.DocumentFields.integer;
import static io.wafleet.gateway.delivery.DocumentFields.string;

/** One event's delivery as the API lists it ({@code webhook_deliveries} without the body). */
record DeliveryView(String eventId, String event, String url, String outcome, int attempts, Integer lastStatusCode,
                    String lastError, Instant createdAt, Instant updatedAt) {

    static DeliveryView from(Document document) {
        Integer attempts = integer(document, "attempts");
        return new DeliveryView(string(document, "_id"), string(document, "event"), string(document, "url"),
                string(document, "outcome"), attempts == null ? 0 : attempts, integer(document, "last_status_code"),
                string(document, "last_error"), instant(document, "created_at"), instant(document, "updated_at"));
    }
}
