package io.wafleet.common.event;

/** {@code session.pair_code}: a pairing code ({@code XXXX-XXXX}) to enter on the phone {@code phone_number} was issued. */
public record PairCodeIssued(String pairCode, String phoneNumber) implements EventPayload {
}
