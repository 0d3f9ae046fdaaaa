package io.wafleet.gateway.delivery;

import java.util.List;

/**
 * One event's delivery in full: the record (shaped as in the list), its attempts in order, and the
 * event body as delivered, parsed (as the raw string if it does not parse).
 */
record DeliveryDetail(DeliveryView delivery, List<AttemptView> attempts, Object body) {
}
