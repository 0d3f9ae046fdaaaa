package io.wafleet.common.event;

import io.wafleet.common.AccountId;

import java.time.Instant;

/**
 * Published on the compacted {@link io.wafleet.common.Topics#CONFIG} topic (key = account id) when an
 * account's configuration changes, so workers drop what they cached at once. A deleted account is
 * also followed by a tombstone.
 */
public record AccountConfigChanged(AccountId accountId, int schemaVersion, Instant changedAt, boolean deleted) {
}
