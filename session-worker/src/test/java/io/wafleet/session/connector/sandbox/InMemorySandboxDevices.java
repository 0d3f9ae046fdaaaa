package io.wafleet.session.connector.sandbox;

import io.wafleet.common.AccountId;
import io.wafleet.common.command.Presence;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

final class InMemorySandboxDevices implements SandboxDevices {

    private final Map<AccountId, SandboxDevice> devices = new ConcurrentHashMap<>();
    private final Map<AccountId, DevicePresence> presences = new ConcurrentHashMap<>();

    @Override
    public void link(SandboxDevice device) {
        devices.put(device.accountId(), device);
    }

    @Override
    public Optional<SandboxDevice> find(AccountId account) {
        return Optional.ofNullable(devices.get(account));
    }

    @Override
    public Optional<SandboxDevice> findByPhone(String phoneNumber, AccountId except) {
        return devices.values().stream()
                .filter(device -> device.phoneNumber().equals(phoneNumber) && !device.accountId().equals(except))
                .findFirst();
    }

    @Override
    public void presence(AccountId account, Presence presence, Instant at) {
        if (devices.containsKey(account)) {
            presences.put(account, new DevicePresence(presence, at));
        }
    }

    @Override
    public Optional<DevicePresence> presenceOf(AccountId account) {
        return devices.containsKey(account) ? Optional.ofNullable(presences.get(account)) : Optional.empty();
    }

    @Override
    public void unlink(AccountId account, String token) {
        devices.computeIfPresent(account, (id, device) -> device.token().equals(token) ? null : device);
        if (!devices.containsKey(account)) {
            presences.remove(account);
        }
    }
}
