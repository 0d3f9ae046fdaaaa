package io.wafleet.session.credentials;

import io.wafleet.common.connector.Credentials;

/** What a worker keeps of a login to restore it: the connector's credentials and the device they are for. */
public record StoredSession(Credentials credentials, String phoneNumber, String deviceId) {
}
