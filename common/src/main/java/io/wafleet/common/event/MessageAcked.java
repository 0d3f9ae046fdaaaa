package io.wafleet.common.event;

import java.util.List;

/** {@code message.ack}: receipts for messages the account sent; {@code receipt_type} is {@code sent}, {@code delivered} or {@code read}. */
public record MessageAcked(List<String> ids, String receiptType, String chatId, String from) implements EventPayload {
}
