package io.wafleet.session.connector.sandbox;

import io.wafleet.common.AccountId;

import java.util.Optional;

/** The sandbox network's record of linked devices, one per account. */
interface SandboxDevices {

    /** Links the device, replacing the account's previous one. */
    void link(SandboxDevice device);

    Optional<SandboxDevice> find(AccountId account);

    /** The device of another account registered with this phone number (digits only). */
    Optional<SandboxDevice> findByPhone(String phoneNumber, AccountId except);

    /** Unlinks the account's device if it still is the one with this token. */
    void unlink(AccountId account, String token);
}
