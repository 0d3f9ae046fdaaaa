package io.wafleet.session.connector.sandbox;

import io.wafleet.common.command.Presence;

import java.time.Instant;

/**
 * An account's presence as the sandbox network records it, for whatever shows it later (a user info):
 * {@code lastSeen} is when the account was last seen online, the time of its latest presence update
 * (online since then when {@code available}; offline since then when {@code unavailable}).
 */
record DevicePresence(Presence presence, Instant lastSeen) {
}
