package io.wafleet.gateway.delivery;

import java.util.List;

/** A page of the delivery log, newest first; {@code total} counts every record that matches the filter. */
record DeliveryPage(List<DeliveryView> items, int page, int size, long total) {
}
