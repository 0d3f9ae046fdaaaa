package io.wafleet.session.connector.sandbox;

import io.wafleet.common.AccountId;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

final class InMemorySandboxDevices implements SandboxDevices {

    private final Map<AccountId, SandboxDevice> devices = new ConcurrentHashMap<>();

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
    public void unlink(AccountId account, String token) {
        devices.computeIfPresent(account, (id, device) -> device.token().equals(token) ? null : device);
    }
}
