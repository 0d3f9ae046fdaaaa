package io.wafleet.session.connector.sandbox;

import io.wafleet.common.AccountId;
import io.wafleet.common.connector.ConnectorException;
import io.wafleet.common.connector.Credentials;

import java.nio.charset.StandardCharsets;

/**
 * A device linked to a sandbox account, as the sandbox network records it. Its credentials are the
 * phone number, device id and token, which a restore must present again.
 */
record SandboxDevice(AccountId accountId, String phoneNumber, String deviceId, String token) {

    Credentials credentials() {
        String data = String.join("\n", phoneNumber, deviceId, token);
        return new Credentials(SandboxConnector.NAME, data.getBytes(StandardCharsets.UTF_8));
    }

    static SandboxDevice fromCredentials(AccountId account, Credentials credentials) {
        String[] parts = new String(credentials.data(), StandardCharsets.UTF_8).split("\n");
        if (!SandboxConnector.NAME.equals(credentials.connector()) || parts.length != 3) {
            throw new ConnectorException("invalid_credentials", "these credentials were not issued by the sandbox");
        }
        return new SandboxDevice(account, parts[0], parts[1], parts[2]);
    }

    @Override
    public String toString() {
        return "SandboxDevice[" + accountId + ", " + deviceId + "]";
    }
}
