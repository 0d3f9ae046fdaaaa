package io.wafleet.common.event;

/** {@code session.qr}: a QR code to scan was issued; it stays valid {@code qr_duration} seconds. */
public record QrIssued(String qrCode, int qrDuration) implements EventPayload {
}
