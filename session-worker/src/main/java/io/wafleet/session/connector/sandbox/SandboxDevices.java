package io.wafleet.session.connector.sandbox;

import io.wafleet.common.AccountId;
import io.wafleet.common.command.Presence;

import java.time.Instant;
import java.util.Optional;

/** The sandbox network's record of linked devices, one per account. */
interface SandboxDevices {

    /** Links the device, replacing the account's previous one. */
    void link(SandboxDevice device);

    Optional<SandboxDevice> find(AccountId account);

    /** The device of another account registered with this phone number (digits only). */
    Optional<SandboxDevice> findByPhone(String phoneNumber, AccountId except);

    /** Records the account's presence, set at {@code at}, on its linked device (none: nothing is recorded). */
    void presence(AccountId account, Presence presence, Instant at);

    /** The account's presence as last recorded; empty before its first update or without a linked device. */
    Optional<DevicePresence> presenceOf(AccountId account);

    /** Unlinks the account's device if it still is the one with this token. */
    void unlink(AccountId account, String token);
}
